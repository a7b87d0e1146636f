// A tool call through the gateway becomes an action of the calling agent, stored and
// judged as ingest stores and judges one (lib/actions/ingest-actions.ts): one row under
// Tourniquet's internal source, the rules in the same transaction, the live timeline at
// commit, then the rate rule and the circuit breaker.
import { createHash, randomUUID } from "node:crypto";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type McpServer, agents } from "@/db/schema";
import { type ActionRow, insertActionRows } from "@/lib/actions/insert-action-rows";
import { INTERNAL_SOURCE_ID } from "@/lib/actions/internal-source";
import type { ActionKind, Outcome, Sensitivity } from "@/lib/actions/vocabulary";
import { type Firing, type RaisedAlert, raiseAlerts } from "@/lib/alerts/raise-alerts";
import { respondToAlerts } from "@/lib/alerts/respond-to-alert";
import { publishActions } from "@/lib/live/publish-actions";
import type { ObservedAction } from "@/lib/rules/catalog";
import { checkActionRates } from "@/lib/rules/check-action-rates";
import { detectFirings } from "@/lib/rules/detect-firings";
import { type DetectionInputs, loadDetectionInputs } from "@/lib/rules/load-detection-inputs";
import { loadRulesCached } from "@/lib/rules/load-rules";
import type { GatewayAgent } from "./authenticate-gateway-agent";
import { gatewayUrlOf } from "./public-mcp-server";
import type { CaptureMode } from "./vocabulary";

/** Full capture keeps this much JSON of each side; the rest is cut (and says so). */
const FULL_CAPTURE_BYTES = 8 * 1024;

export interface GatewayCall {
  agent: GatewayAgent;
  server: McpServer;
  tool: string;
  kind: ActionKind;
  sensitivity: Sensitivity | null;
  occurredAt: Date;
}

/** Arguments and result as the server's capture setting keeps them. */
export function captured(mode: CaptureMode, name: "arguments" | "result", value: unknown): Record<string, unknown> {
  if (mode === "none" || value === undefined) return {};
  const json = JSON.stringify(value) ?? "null";
  if (mode === "hash") return { [`mcp.${name}.sha256`]: createHash("sha256").update(json).digest("hex") };
  return json.length <= FULL_CAPTURE_BYTES ? { [`mcp.${name}`]: value } : { [`mcp.${name}`]: json.slice(0, FULL_CAPTURE_BYTES), [`mcp.${name}.truncated`]: true };
}

/** The row for a call (or its hold) as the timeline stores it. */
export function gatewayActionRow(
  call: GatewayCall,
  outcome: Outcome,
  details: { summary: string; attributes: Record<string, unknown>; approvalId?: string | null; kind?: ActionKind; sensitivity?: Sensitivity | null },
): ActionRow {
  return {
    ingestKeyId: INTERNAL_SOURCE_ID,
    externalId: `mcp:${call.server.name}:${randomUUID()}`,
    actorType: "agent",
    agentId: call.agent.caller.id,
    humanId: null,
    occurredAt: call.occurredAt,
    kind: details.kind ?? call.kind,
    tool: call.tool,
    targetType: "mcp_server",
    targetId: call.server.name,
    targetUri: gatewayUrlOf(call.server.name),
    sensitivity: details.sensitivity === undefined ? call.sensitivity : details.sensitivity,
    onBehalfOf: call.agent.onBehalfOf,
    credential: call.agent.credential,
    outcome,
    summary: details.summary.slice(0, 2000),
    attributes: { "mcp.server": call.server.name, "mcp.gateway": true, ...details.attributes },
    approvalId: details.approvalId ?? null,
    afterContainment: false,
    receivedAfterContainment: false,
  };
}

interface PendingRecord {
  call: GatewayCall;
  row: ActionRow;
  firings?: Firing[];
  done: { resolve: () => void; reject: (error: unknown) => void };
}

/** Calls waiting to be stored, per database: one writer at a time drains them in batches. */
const queues = new WeakMap<Db, { pending: PendingRecord[]; writing: boolean }>();
const MAX_RECORD_BATCH = 200;

/**
 * Stores the row and runs the rules on it; resolves once it is committed (and on the
 * live timeline). `firings`: what the inline check already found on the call (a refused
 * call is stored as denied, which the rules would skip, yet the rule that refused it
 * must still raise its alert and pull the breaker).
 *
 * Why a queue: one transaction per call made the gateway's own bookkeeping, not the
 * upstream, the cost of a call (a commit and the stream-position lock each). A call
 * arriving while a batch is being written waits for the next one, so an idle gateway
 * stores a call at once and a busy one stores many per commit, as ingest does.
 */
export function recordGatewayCall(db: Db, call: GatewayCall, row: ActionRow, firings?: Firing[]): Promise<void> {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { pending: [], writing: false }));
  const stored = new Promise<void>((resolve, reject) => queue.pending.push({ call, row, firings, done: { resolve, reject } }));
  if (!queue.writing) void drain(db, queue);
  return stored;
}

async function drain(db: Db, queue: { pending: PendingRecord[]; writing: boolean }): Promise<void> {
  queue.writing = true;
  try {
    while (queue.pending.length) {
      const batch = queue.pending.splice(0, MAX_RECORD_BATCH);
      try {
        await storeBatch(db, batch);
        for (const item of batch) item.done.resolve();
      } catch (error) {
        for (const item of batch) item.done.reject(error);
      }
    }
  } finally {
    queue.writing = false;
  }
}

/** As ingest stores a batch (lib/actions/ingest-actions.ts): rows, rules and the live timeline in one transaction, then sightings, rates and the breaker. */
async function storeBatch(db: Db, batch: PendingRecord[]): Promise<void> {
  const rules = await loadRulesCached(db);
  const known = new Map(batch.map(({ call }) => [call.agent.facts.id, call.agent.facts]));
  let observed: ObservedAction[] = [];
  let inputs: DetectionInputs | null = null;
  const raised: RaisedAlert[] = await db.transaction(async (tx) => {
    const stored = await insertActionRows(tx, batch.map(({ row }) => row));
    const ids = new Map(stored.map((row) => [row.externalId, row.id]));
    const kept = batch.flatMap((item) => {
      const id = ids.get(item.row.externalId);
      return id === undefined ? [] : [{ ...item, action: { ...item.row, id } as ObservedAction }];
    });
    observed = kept.map(({ action }) => action);
    inputs = await loadDetectionInputs(tx, observed, { known, rules });
    const judged = kept.filter(({ firings }) => !firings).map(({ action }) => action);
    const given = kept.flatMap(({ firings, action }) => (firings ?? []).map((firing) => ({ ...firing, action })));
    const alerts = await raiseAlerts(tx, [...given, ...detectFirings(judged, inputs)]);
    // Last: it takes the stream-position lock, held until COMMIT.
    await publishActions(tx, stored.map((row) => row.id));
    return alerts;
  });
  // Each agent's latest sighting, one agent at a time in id order (as ingest locks them).
  const latest = new Map<string, Date>();
  for (const { call, row } of batch) {
    const current = latest.get(call.agent.caller.id);
    if (!current || current < row.occurredAt) latest.set(call.agent.caller.id, row.occurredAt);
  }
  for (const [agentId, seenAt] of [...latest].sort(([a], [b]) => a.localeCompare(b))) {
    await db
      .update(agents)
      .set({ lastSeenAt: seenAt })
      .where(and(eq(agents.id, agentId), or(isNull(agents.lastSeenAt), lt(agents.lastSeenAt, seenAt))));
  }
  if (observed.length && inputs) raised.push(...(await checkActionRates(db, observed, inputs)));
  await respondToAlerts(db, raised);
}
