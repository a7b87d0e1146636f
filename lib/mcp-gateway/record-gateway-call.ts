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

/**
 * Stores the row and runs the rules on it. `firings`: what the inline check already
 * found on the call (a refused call is stored as denied, which the rules would skip,
 * yet the rule that refused it must still raise its alert and pull the breaker).
 */
export async function recordGatewayCall(db: Db, call: GatewayCall, row: ActionRow, firings?: Firing[]): Promise<void> {
  const rules = await loadRulesCached(db);
  let observed: ObservedAction | null = null;
  let inputs: DetectionInputs | null = null;
  const raised: RaisedAlert[] = await db.transaction(async (tx) => {
    const [stored] = await insertActionRows(tx, [row]);
    if (!stored) return [];
    const action: ObservedAction = { ...row, id: stored.id };
    observed = action;
    inputs = await loadDetectionInputs(tx, [action], { known: new Map([[call.agent.facts.id, call.agent.facts]]), rules });
    const alerts = await raiseAlerts(tx, firings ? firings.map((firing) => ({ ...firing, action })) : detectFirings([action], inputs));
    // Last: it takes the stream-position lock, held until COMMIT.
    await publishActions(tx, [stored.id]);
    return alerts;
  });
  await db
    .update(agents)
    .set({ lastSeenAt: row.occurredAt })
    .where(and(eq(agents.id, call.agent.caller.id), or(isNull(agents.lastSeenAt), lt(agents.lastSeenAt, row.occurredAt))));
  if (observed && inputs) raised.push(...(await checkActionRates(db, [observed], inputs)));
  await respondToAlerts(db, raised);
}
