// Stores a batch of actions in one statement with one parameter: the rows travel as
// a JSON array that PostgreSQL expands with json_populate_recordset. Building a
// 500-row INSERT with 25 bound values per row costs the query builder more CPU than
// the database spends storing it; this path keeps ingest bound by the database.
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import type { actions } from "@/db/schema";
import type { ActionInput } from "./action-input";
import type { ActionKind, ActorType, Outcome, Sensitivity } from "./vocabulary";

export type NewActionRow = Omit<typeof actions.$inferInsert, "id"> & { occurredAt: Date };

const columns = {
  ingest_key_id: "ingestKeyId",
  external_id: "externalId",
  actor_type: "actorType",
  agent_id: "agentId",
  human_id: "humanId",
  occurred_at: "occurredAt",
  kind: "kind",
  tool: "tool",
  target_type: "targetType",
  target_id: "targetId",
  target_uri: "targetUri",
  sensitivity: "sensitivity",
  on_behalf_of: "onBehalfOf",
  credential: "credential",
  outcome: "outcome",
  summary: "summary",
  attributes: "attributes",
  trace_id: "traceId",
  span_id: "spanId",
  parent_span_id: "parentSpanId",
  approval_id: "approvalId",
  after_containment: "afterContainment",
  received_after_containment: "receivedAfterContainment",
  received_at: "receivedAt",
} as const satisfies Record<string, keyof NewActionRow>;

const columnList = sql.raw(Object.keys(columns).join(", "));
// Arrival is now unless the row says otherwise (the demo's finished run does).
const selectList = sql.raw(Object.keys(columns).map((column) => (column === "received_at" ? "coalesce(received_at, now())" : column)).join(", "));

// Lone UTF-16 surrogates are not text PostgreSQL accepts; they become U+FFFD, as the
// driver would do when sending them as parameters. Keys too: attributes are free-form.
const wellFormedText = (text: string) => (text as string & { toWellFormed(): string }).toWellFormed();
function wellFormed(value: unknown): unknown {
  if (typeof value === "string") return wellFormedText(value);
  if (Array.isArray(value)) return value.map(wellFormed);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [wellFormedText(key), wellFormed(item)]));
  return value;
}

/** A row as this module writes it: every field the rules read is set. */
export interface ActionRow extends NewActionRow {
  actorType: ActorType;
  agentId: string | null;
  humanId: string | null;
  kind: ActionKind;
  tool: string | null;
  targetType: string | null;
  targetId: string | null;
  sensitivity: Sensitivity | null;
  outcome: Outcome;
  summary: string | null;
  attributes: Record<string, unknown> | null;
  approvalId: string | null;
  afterContainment: boolean;
  receivedAfterContainment: boolean;
}

/** The row a validated action becomes, for the ingest verb and the demo's finished run alike. */
export function toActionRow(
  action: ActionInput,
  where: { ingestKeyId: string; agentId: string | null; afterContainment: boolean; receivedAfterContainment?: boolean; receivedAt?: Date },
): ActionRow {
  const isHuman = action.actor?.type === "human";
  return {
    ingestKeyId: where.ingestKeyId,
    externalId: action.id,
    actorType: isHuman ? "human" : "agent",
    agentId: where.agentId,
    humanId: isHuman ? (action.actor?.id ?? null) : null,
    occurredAt: action.occurredAt,
    ...(where.receivedAt ? { receivedAt: where.receivedAt } : {}),
    kind: action.kind,
    tool: action.tool ?? null,
    targetType: action.target?.type ?? null,
    targetId: action.target?.id ?? null,
    targetUri: action.target?.uri ?? null,
    sensitivity: action.target?.sensitivity ?? null,
    onBehalfOf: action.onBehalfOf ?? null,
    credential: action.credential ?? null,
    outcome: action.outcome,
    summary: action.summary ?? null,
    attributes: action.attributes ?? null,
    traceId: action.traceId?.toLowerCase() ?? null,
    spanId: action.spanId?.toLowerCase() ?? null,
    parentSpanId: action.parentSpanId?.toLowerCase() ?? null,
    approvalId: action.approvalId ?? null,
    afterContainment: where.afterContainment,
    receivedAfterContainment: where.receivedAfterContainment ?? false,
  };
}

/** Inserts the rows, skipping any the same sender already sent; answers the stored ones. */
export async function insertActionRows(tx: Tx, rows: NewActionRow[]): Promise<{ id: number; externalId: string }[]> {
  if (rows.length === 0) return [];
  const records = rows.map((row) => {
    const record: Record<string, unknown> = {};
    for (const [column, field] of Object.entries(columns)) {
      const value = row[field];
      record[column] = value instanceof Date ? value.toISOString() : wellFormed(value ?? null);
    }
    return record;
  });
  const payload = JSON.stringify(records);
  const result = await tx.execute(sql`
    insert into actions (${columnList})
    select ${selectList} from json_populate_recordset(null::actions, ${payload}::json)
    on conflict (ingest_key_id, external_id, occurred_at) do nothing
    returning id, external_id`);
  return rowsOf<{ id: string | number; external_id: string }>(result).map((row) => ({ id: Number(row.id), externalId: row.external_id }));
}
