// The synthetic actions ingest measurements send, in three equivalent forms: the
// batch API's JSON, OTLP/JSON spans that map to the same actions, and the column
// values a direct INSERT writes. Same content in all three, so the ratios compare
// paths, not payloads.
import { randomBytes } from "node:crypto";

export interface ApiAction {
  id: string;
  agent: string;
  occurredAt: string;
  kind: string;
  tool: string;
  target: { type: string; id: string; sensitivity: string };
  onBehalfOf: string;
  outcome: string;
  summary: string;
  attributes: Record<string, string>;
  traceId: string;
  spanId: string;
}

// A cheap integer hash (from splitmix/murmur finalizers): spreads consecutive
// numbers so weights do not follow the agent a row belongs to.
function mix(value: number): number {
  let x = Math.imul(value ^ (value >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}

const pick = <T>(weighted: readonly (readonly [T, number])[], roll: number): T => {
  let left = roll % 100;
  for (const [value, weight] of weighted) {
    if (left < weight) return value;
    left -= weight;
  }
  return weighted[weighted.length - 1]![0];
};

const KINDS = [["tool_call", 35], ["data_read", 25], ["model_call", 20], ["data_write", 8], ["message_post", 5], ["login", 3], ["permission_change", 2], ["other", 2]] as const;
const SENSITIVITIES = [["public", 30], ["internal", 45], ["confidential", 20], ["restricted", 5]] as const;
const OUTCOMES = [["allowed", 94], ["denied", 4], ["error", 2]] as const;
const TOOLS = ["docs.search", "docs.read", "forum.post_reply", "warehouse.query", "github.create_pr", "slack.send", "iam.grant", "llm.chat"];
const TARGET_TYPES = ["document", "thread", "table", "repository"];

/** A run-unique tag, so external ids never collide with an earlier batch. */
export const runTag = randomBytes(4).toString("hex");

export function benchAction(seq: number, agentName: string, prefix: string, now = Date.now()): ApiAction {
  const h = mix(seq);
  const target = mix(seq + 0x9e3779b9) % 5000;
  const tool = TOOLS[h % TOOLS.length] as string;
  const onBehalfOf = `user${target % 200}@example.com`;
  return {
    id: `${prefix}-${runTag}-${seq}`,
    agent: agentName,
    // Within the last hour, so nothing is "in the future" and the timeline stays realistic.
    occurredAt: new Date(now - (h % 3_600_000)).toISOString(),
    kind: pick(KINDS, h >>> 8),
    tool,
    target: { type: TARGET_TYPES[target % TARGET_TYPES.length] as string, id: `res-${target}`, sensitivity: pick(SENSITIVITIES, h >>> 16) },
    onBehalfOf,
    outcome: pick(OUTCOMES, h >>> 24),
    summary: `Bench action ${seq} with ${tool} on res-${target}`,
    // What the OTLP path keeps of a span's attributes, so both paths store the same bytes.
    attributes: { "service.name": agentName, "gen_ai.agent.name": agentName, "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": tool, "enduser.id": onBehalfOf },
    traceId: (mix(seq) .toString(16).padStart(8, "0") + runTag + mix(seq + 1).toString(16).padStart(8, "0") + mix(seq + 2).toString(16).padStart(8, "0")).slice(0, 32),
    spanId: (mix(seq + 3).toString(16).padStart(8, "0") + mix(seq + 4).toString(16).padStart(8, "0")).slice(0, 16),
  };
}

export function actionBatch(start: number, size: number, agentNames: readonly string[], prefix: string): ApiAction[] {
  const now = Date.now();
  return Array.from({ length: size }, (_, offset) => {
    const seq = start + offset;
    return benchAction(seq, agentNames[seq % agentNames.length] as string, prefix, now);
  });
}

const str = (value: string) => ({ stringValue: value });

/** OTLP/JSON ExportTraceServiceRequest: one resource per agent, spans that map to the given actions. */
export function otlpRequest(actions: readonly ApiAction[]): unknown {
  const byAgent = new Map<string, ApiAction[]>();
  for (const action of actions) byAgent.set(action.agent, [...(byAgent.get(action.agent) ?? []), action]);
  return {
    resourceSpans: [...byAgent].map(([agent, spans]) => ({
      resource: { attributes: [{ key: "service.name", value: str(agent) }] },
      scopeSpans: [
        {
          spans: spans.map((action) => {
            const startNanos = BigInt(new Date(action.occurredAt).getTime()) * 1_000_000n;
            return {
              traceId: action.traceId,
              spanId: action.spanId,
              // The summary the API path stores is the span's name here.
              name: action.summary,
              kind: 1,
              startTimeUnixNano: String(startNanos),
              endTimeUnixNano: String(startNanos + 5_000_000n),
              attributes: [
                { key: "gen_ai.agent.name", value: str(agent) },
                { key: "gen_ai.operation.name", value: str("execute_tool") },
                { key: "gen_ai.tool.name", value: str(action.tool) },
                { key: "enduser.id", value: str(action.onBehalfOf) },
                { key: "tourniquet.action.kind", value: str(action.kind) },
                { key: "tourniquet.target.type", value: str(action.target.type) },
                { key: "tourniquet.target.id", value: str(action.target.id) },
                { key: "tourniquet.target.sensitivity", value: str(action.target.sensitivity) },
                { key: "tourniquet.outcome", value: str(action.outcome) },
              ],
              status: { code: 0 },
            };
          }),
        },
      ],
    })),
  };
}

// The columns ingest writes (lib/actions/ingest-actions.ts), in INSERT order.
const COLUMNS = [
  ["ingest_key_id", "uuid"], ["external_id", "text"], ["actor_type", "actor_type"], ["agent_id", "uuid"], ["occurred_at", "timestamptz"],
  ["kind", "action_kind"], ["tool", "text"], ["target_type", "text"], ["target_id", "text"], ["sensitivity", "sensitivity"],
  ["on_behalf_of", "text"], ["outcome", "action_outcome"], ["summary", "text"], ["attributes", "jsonb"], ["trace_id", "text"], ["span_id", "text"],
] as const;

/**
 * The direct-insert baseline's statement for `rows` rows: one multi-row INSERT with
 * the same idempotency guard ingest uses, returning ids as ingest does.
 */
export function directInsertSql(rows: number): string {
  const values = Array.from(
    { length: rows },
    (_, row) => `(${COLUMNS.map(([, type], column) => `$${row * COLUMNS.length + column + 1}::${type}`).join(", ")})`,
  );
  return `insert into actions (${COLUMNS.map(([name]) => name).join(", ")}) values ${values.join(", ")}
    on conflict (ingest_key_id, external_id, occurred_at) do nothing returning id`;
}

export function directInsertParams(actions: readonly ApiAction[], ingestKeyId: string, agentIds: ReadonlyMap<string, string>): unknown[] {
  return actions.flatMap((action) => [
    ingestKeyId, action.id, "agent", agentIds.get(action.agent) ?? null, action.occurredAt, action.kind, action.tool, action.target.type,
    action.target.id, action.target.sensitivity, action.onBehalfOf, action.outcome, action.summary, JSON.stringify(action.attributes),
    action.traceId, action.spanId,
  ]);
}
