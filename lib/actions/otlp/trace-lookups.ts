// What an export needs from the database before its spans are mapped: the agents that
// gen_ai.agent.id values name, and the spans earlier exports stored that this export's
// spans name as parents (so children sent after their parent still inherit its agent).
// The stored spans are the action rows themselves, found by (trace_id, span_id) among
// those the same ingest key sent: no cache to bound, and every replica sees the same.
import { and, eq, inArray, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, agents } from "@/db/schema";
import type { IngestKeyCaller } from "@/lib/auth/caller";
import { isUuid } from "@/lib/http/is-uuid";
import type { TraceContext } from "./map-spans";

/** The gen_ai.agent.id values among `ids` that name a registered agent by id, name or external id. */
export async function registeredAgentIds(db: Db, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const uuids = ids.filter(isUuid);
  const lowered = ids.map((id) => id.toLowerCase());
  const rows = await db
    .select({ id: agents.id, name: agents.name, externalIds: agents.externalIds })
    .from(agents)
    .where(
      or(
        uuids.length ? inArray(agents.id, uuids) : undefined,
        inArray(sql`lower(${agents.name})`, lowered),
        sql`${agents.externalIds} && ${sql.param(ids)}::text[]`,
      ),
    );
  return new Set(
    ids.filter((id) => rows.some((row) => row.id === id || row.name.toLowerCase() === id.toLowerCase() || row.externalIds.includes(id))),
  );
}

/** Contexts of stored spans, by `traceId:spanId`. */
export async function storedTraceContexts(
  db: Db,
  caller: IngestKeyCaller,
  parents: { traceId: string; spanId: string }[],
): Promise<Map<string, TraceContext>> {
  const contexts = new Map<string, TraceContext>();
  // An export's parents are few (one per subtree that arrived apart); 1,000 bounds the query.
  for (let start = 0; start < parents.length && start < 1000; start += 200) {
    const slice = parents.slice(start, start + 200);
    const rows = await db
      .select({
        traceId: actions.traceId,
        spanId: actions.spanId,
        agentId: actions.agentId,
        onBehalfOf: actions.onBehalfOf,
        session: sql<string | null>`${actions.attributes}->>'session.id'`,
      })
      .from(actions)
      .where(
        and(
          eq(actions.ingestKeyId, caller.id),
          or(...slice.map((parent) => and(eq(actions.traceId, parent.traceId), eq(actions.spanId, parent.spanId)))),
        ),
      );
    for (const row of rows) {
      contexts.set(`${row.traceId}:${row.spanId}`, {
        agent: row.agentId ?? undefined,
        onBehalfOf: row.onBehalfOf ?? undefined,
        session: row.session ?? undefined,
      });
    }
  }
  return contexts;
}
