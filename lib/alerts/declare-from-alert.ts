// A responder declares an incident from an alert, prefilled from it (title, the
// severity it suggests, the agent, when it started); anything may be overridden.
// An alert already behind an incident answers with that incident.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { incidents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { toPublicIncident, type PublicIncident } from "@/lib/incidents/public-incident";
import { severities } from "@/lib/incidents/vocabulary";
import { conflict } from "@/lib/errors";
import { lockAlert } from "./lock-alert";
import { openIncidentForAlert } from "./open-incident-for-alert";

export const declareFromAlertInput = z.strictObject({
  title: z.string().trim().min(3, { message: "Give the incident a title." }).max(200).optional(),
  severity: z.enum(severities, { message: "severity is SEV1, SEV2, SEV3 or SEV4." }).optional(),
  summary: z.string().trim().max(10_000).optional(),
});

export async function declareFromAlert(
  db: Db,
  caller: Caller,
  id: string,
  raw: z.infer<typeof declareFromAlertInput>,
): Promise<{ incident: PublicIncident; created: boolean }> {
  // Parsed here too, not only in the route: the verb is the boundary.
  const input = declareFromAlertInput.parse(raw);
  authorize(caller, "incidents:act");
  return db.transaction(async (tx) => {
    const alert = await lockAlert(tx, id);
    if (alert.incidentId) {
      const [existing] = await tx.select().from(incidents).where(eq(incidents.id, alert.incidentId));
      if (existing) return { incident: toPublicIncident(existing), created: false };
    }
    if (alert.status === "dismissed" || alert.status === "resolved") throw conflict(`This alert was ${alert.status}; declare from a live alert or from scratch.`);
    return { incident: await openIncidentForAlert(tx, caller, alert, input), created: true };
  });
}
