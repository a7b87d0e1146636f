// One `tools/call` through the gateway, in order: the tool's policy (deny refuses),
// the rules inline on the call as it would be recorded (a rule set to contain refuses
// it and pulls the breaker first; the approval rules, like an `approve` policy, hold it
// for a person's answer), then the upstream, with a deadline. The agent's containment
// cuts the call at whichever step it is. Every call ends as one action on the agent's
// timeline (a held call adds one for the hold), with its outcome and duration.
import type { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import type { Db } from "@/db/client";
import type { McpServer } from "@/db/schema";
import type { ActionRow } from "@/lib/actions/insert-action-rows";
import type { Firing } from "@/lib/alerts/raise-alerts";
import type { SubscribeToChanges } from "@/lib/approvals/get-approval";
import { describeForLog } from "@/lib/http/describe-for-log";
import { detectFirings } from "@/lib/rules/detect-firings";
import { loadDetectionInputs } from "@/lib/rules/load-detection-inputs";
import { loadRulesCached } from "@/lib/rules/load-rules";
import type { GatewayAgent } from "./authenticate-gateway-agent";
import { gatewayError } from "./gateway-errors";
import { holdForApproval } from "./hold-for-approval";
import { AgentNoLongerActive, agentStatus, watchAgent } from "./open-gateway-calls";
import { type GatewayCall, captured, gatewayActionRow, recordGatewayCall } from "./record-gateway-call";
import { dropUpstreamClient, upstreamClient } from "./upstream-client";
import type { ToolPolicy } from "./vocabulary";

/** Rules that mean "ask a person first": the gateway asks on the agent's behalf. */
const APPROVAL_RULES = new Set(["approval-required", "unapproved-post"]);

export interface ToolCallContext {
  db: Db;
  server: McpServer;
  agent: GatewayAgent;
  subscribe: SubscribeToChanges;
  /** The agent's HTTP request: a client that hangs up ends its held call. */
  signal: AbortSignal;
  /** Recording finishes after the answer; a stop waits for it through this. */
  track: (work: Promise<void>) => void;
}

export function policyOf(server: McpServer, tool: string): ToolPolicy {
  return server.tools[tool]?.policy ?? server.defaultPolicy;
}

export async function gatewayToolCall(context: ToolCallContext, tool: string, args: Record<string, unknown> | undefined): Promise<CallToolResult> {
  const { db, server, agent } = context;
  const settings = server.tools[tool] ?? {};
  const call: GatewayCall = { agent, server, tool, kind: settings.kind ?? "tool_call", sensitivity: settings.sensitivity ?? null, occurredAt: new Date() };
  const policy = policyOf(server, tool);
  const started = performance.now();
  const base = { "mcp.policy": policy, ...captured(server.capture, "arguments", args ?? {}) };
  const record = (row: ActionRow, firings?: Firing[]) => recordGatewayCall(db, call, row, firings);
  // The answer does not wait for the timeline; an error storing it is logged, never answered.
  const recordLater = (row: ActionRow) =>
    context.track(record(row).catch((error: unknown) => console.error(`[mcp-gateway] could not record a call of ${tool}: ${describeForLog(error)}`)));
  const elapsed = () => ({ "mcp.duration_ms": Math.round((performance.now() - started) * 10) / 10 });

  if (policy === "deny") {
    await record(gatewayActionRow(call, "denied", { summary: `Called ${tool} on ${server.name}: refused, the tool's policy is deny`, attributes: { ...base, ...elapsed() } }));
    throw gatewayError("refused", `Tool ${tool} is not allowed through this gateway.`);
  }

  // The call as it would be stored if forwarded: what would the rules say of it?
  const rules = await loadRulesCached(db);
  const prospective = { ...gatewayActionRow(call, "allowed", { summary: "", attributes: base }), id: 0 };
  const inputs = await loadDetectionInputs(db, [prospective], { known: new Map([[agent.facts.id, agent.facts]]), rules });
  const firings = detectFirings([prospective], inputs);
  // An approval rule is satisfied by asking, which the gateway does below; any other rule
  // set to contain that fires on the call stops it here.
  const containing = firings.filter((firing) => firing.rule.response === "contain" && !APPROVAL_RULES.has(firing.rule.key));
  if (containing.length) {
    const rulesNamed = containing.map((firing) => firing.rule.key).join(", ");
    await record(
      gatewayActionRow(call, "denied", { summary: `Called ${tool} on ${server.name}: refused, rule ${rulesNamed} contains the agent`, attributes: { ...base, ...elapsed() } }),
      containing,
    );
    throw gatewayError("agentContained", `Refused: rule ${rulesNamed} fired on this call and contained the agent.`);
  }

  const watch = await watchAgent(db, agent.caller.id, context.subscribe);
  const signal = AbortSignal.any([watch.signal, context.signal]);
  const cut = (): never => {
    const reason: unknown = signal.reason;
    if (reason instanceof AgentNoLongerActive) throw gatewayError("agentContained", reason.message);
    throw gatewayError("refused", "The call was cancelled.");
  };
  try {
    let approvalId: string | null = null;
    const ruleAsks = firings.filter((firing) => APPROVAL_RULES.has(firing.rule.key));
    if (policy === "approve" || ruleAsks.length) {
      const why = policy === "approve" ? "the tool's policy is approve" : `rule ${ruleAsks.map((firing) => firing.rule.key).join(", ")} asks for approval`;
      const approval = await holdForApproval(db, call, `Call ${tool} on MCP server ${server.name} (${why})`, {
        subscribe: context.subscribe,
        signal,
        onRequested: (requested) =>
          record(gatewayActionRow(call, "allowed", {
            kind: "other",
            sensitivity: null,
            summary: `Called ${tool} on ${server.name}: held for approval until ${requested.expiresAt}`,
            attributes: { ...base, "mcp.held": true, "mcp.approval_id": requested.id },
          })),
      });
      if (signal.aborted) {
        await record(gatewayActionRow(call, "denied", { summary: `Called ${tool} on ${server.name}: cut while held for approval`, attributes: { ...base, ...elapsed(), "mcp.approval_id": approval.id } }));
        cut();
      }
      if (approval.status !== "approved") {
        const how = approval.expired ? "expired unanswered" : `denied by ${approval.decidedBy ?? "a responder"}`;
        await record(gatewayActionRow(call, "denied", { summary: `Called ${tool} on ${server.name}: approval ${how}`, attributes: { ...base, ...elapsed(), "mcp.approval_id": approval.id } }));
        throw approval.expired
          ? gatewayError("approvalExpired", `Approval request ${approval.id} expired unanswered; the call was not made.`, { approvalId: approval.id })
          : gatewayError("refused", `Approval request ${approval.id} was denied: ${approval.reason ?? "no reason given"}. The call was not made.`, { approvalId: approval.id });
      }
      approvalId = approval.id;
      // The wait may have been long: the agent must still be active now, not only when it asked.
      const status = await agentStatus(db, agent.caller.id);
      if (status !== "active") throw gatewayError("agentContained", new AgentNoLongerActive(status).message);
    }

    let client: Client | null = null;
    try {
      client = await upstreamClient(server);
      const result = (await client.callTool({ name: tool, arguments: args }, undefined, {
        timeout: server.upstreamTimeoutSeconds * 1000,
        signal,
      })) as CallToolResult;
      const outcome = result.isError ? "error" : "allowed";
      recordLater(
        gatewayActionRow(call, outcome, {
          approvalId,
          summary: `Called ${tool} on ${server.name}${result.isError ? ": the tool answered an error" : ""}`,
          attributes: { ...base, ...elapsed(), ...captured(server.capture, "result", result) },
        }),
      );
      return result;
    } catch (error) {
      if (signal.aborted) {
        await record(gatewayActionRow(call, "denied", { approvalId, summary: `Called ${tool} on ${server.name}: cut, the agent was contained`, attributes: { ...base, ...elapsed() } }));
        return cut();
      }
      // A tool's own JSON-RPC error is the upstream's answer; anything else means the connection.
      const upstreamAnswered = error instanceof McpError && error.code !== -32001 && error.code !== -32000;
      if (!upstreamAnswered && client) dropUpstreamClient(server.id, client);
      recordLater(
        gatewayActionRow(call, "error", {
          approvalId,
          summary: `Called ${tool} on ${server.name}: ${upstreamAnswered ? "the upstream answered an error" : "the upstream did not answer in time or could not be reached"}`,
          attributes: { ...base, ...elapsed(), ...(upstreamAnswered ? { "mcp.error_code": (error as McpError).code } : {}) },
        }),
      );
      if (upstreamAnswered) throw error;
      console.error(`[mcp-gateway] upstream ${server.name} failed: ${describeForLog(error)}`);
      throw gatewayError("upstreamUnavailable", `The upstream MCP server ${server.name} did not answer in time or could not be reached.`);
    }
  } finally {
    watch.stop();
  }
}
