// Every action of the incident's agents inside its window, oldest first, a thousand
// rows at a time: reports stream it, so 100,000 actions never sit in memory at once.
import { and, asc, eq, gt, gte, inArray, lt, or } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { type Action, actions, incidentAgents, type Incident } from "@/db/schema";
import { incidentWindow } from "./incident-window";

const BATCH = 1000;

export async function* incidentActions(db: Queryable, incident: Incident): AsyncGenerator<Action[]> {
  const agentIds = (await db.select({ id: incidentAgents.agentId }).from(incidentAgents).where(eq(incidentAgents.incidentId, incident.id))).map(
    (row) => row.id,
  );
  if (agentIds.length === 0) return;
  const { from, to } = incidentWindow(incident);
  let after: { occurredAt: Date; id: number } | null = null;
  for (;;) {
    const cursor: ReturnType<typeof or> | undefined = after
      ? or(gt(actions.occurredAt, after.occurredAt), and(eq(actions.occurredAt, after.occurredAt), gt(actions.id, after.id)))
      : undefined;
    const rows: Action[] = await db
      .select()
      .from(actions)
      .where(and(inArray(actions.agentId, agentIds), gte(actions.occurredAt, from), lt(actions.occurredAt, to), cursor))
      .orderBy(asc(actions.occurredAt), asc(actions.id))
      .limit(BATCH);
    if (rows.length === 0) return;
    yield rows;
    const last: Action | undefined = rows[rows.length - 1];
    if (!last || rows.length < BATCH) return;
    after = { occurredAt: last.occurredAt, id: last.id };
  }
}
