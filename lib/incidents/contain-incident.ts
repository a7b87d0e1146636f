// Contains every agent involved in an incident, each in its own transaction; the
// incident moves to `contained` when the last one is.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { incidentAgents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { containAgents } from "@/lib/containment/contain-agents";
import { invalidInput, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";

export async function containIncident(db: Db, caller: Caller, incidentId: string, reason: string) {
  authorize(caller, "agents:act");
  if (!isUuid(incidentId)) throw notFound("The incident");
  const agentIds = (await db.select({ id: incidentAgents.agentId }).from(incidentAgents).where(eq(incidentAgents.incidentId, incidentId))).map(
    (row) => row.id,
  );
  if (agentIds.length === 0) throw invalidInput("No agent is involved in this incident yet.");
  return containAgents(db, caller, { reason, incidentId, agentIds });
}
