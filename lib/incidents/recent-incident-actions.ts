// The newest actions of an incident's agents inside its window, for its page.
import { and, desc, eq, gte, inArray, lt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { actions, incidentAgents, type Incident } from "@/db/schema";
import { withAgentNames } from "@/lib/actions/list-actions";
import type { PublicAction } from "@/lib/actions/public-action";
import { incidentWindow } from "./incident-window";

export async function recentIncidentActions(db: Queryable, incident: Incident, limit = 300): Promise<PublicAction[]> {
  const agentIds = (await db.select({ id: incidentAgents.agentId }).from(incidentAgents).where(eq(incidentAgents.incidentId, incident.id))).map((row) => row.id);
  if (agentIds.length === 0) return [];
  const { from, to } = incidentWindow(incident);
  const rows = await db
    .select()
    .from(actions)
    .where(and(inArray(actions.agentId, agentIds), gte(actions.occurredAt, from), lt(actions.occurredAt, to)))
    .orderBy(desc(actions.occurredAt), desc(actions.id))
    .limit(limit);
  return withAgentNames(db, rows);
}
