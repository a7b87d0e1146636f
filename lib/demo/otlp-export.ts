// Actions of agents instrumented with OpenTelemetry, as their exporter would send
// them: OTLP/HTTP JSON spans named by the GenAI conventions (execute_tool, chat) or
// MCP (tools/call, resources/read). Tourniquet's own `tourniquet.*` attributes say
// only what the conventions cannot: the target and, where no operation implies it,
// the kind. The server's mapping (lib/actions/otlp/map-spans.ts) turns them back
// into the same actions.
import type { ExportTraceServiceRequest, KeyValue } from "@/lib/actions/otlp/otlp-json";
import type { ActionPayload } from "./scenario-types";

const STATUS_ERROR = 2;

function value(raw: unknown): KeyValue["value"] {
  if (typeof raw === "string") return { stringValue: raw };
  if (typeof raw === "boolean") return { boolValue: raw };
  if (typeof raw === "number") return Number.isInteger(raw) ? { intValue: String(raw) } : { doubleValue: raw };
  return { stringValue: JSON.stringify(raw) };
}

const keyValues = (attributes: Record<string, unknown>): KeyValue[] =>
  Object.entries(attributes)
    .filter(([, raw]) => raw !== undefined)
    .map(([key, raw]) => ({ key, value: value(raw) }));

/** The conventions' words for what the action did; tourniquet.action.kind fills the gaps. */
function operationAttributes(action: ActionPayload, useMcp: boolean): Record<string, unknown> {
  switch (action.kind) {
    case "tool_call":
      return useMcp ? { "mcp.method.name": "tools/call", "mcp.tool.name": action.tool } : { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": action.tool };
    case "model_call":
      return { "gen_ai.operation.name": "chat", "gen_ai.request.model": action.tool };
    case "data_read":
      return useMcp
        ? { "mcp.method.name": "resources/read", "gen_ai.tool.name": action.tool }
        : { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": action.tool, "tourniquet.action.kind": "data_read" };
    default:
      return { "gen_ai.operation.name": "execute_tool", "gen_ai.tool.name": action.tool, "tourniquet.action.kind": action.kind };
  }
}

function nanos(iso: string, plusMs = 0): string {
  return (BigInt(new Date(iso).getTime() + plusMs) * 1_000_000n).toString();
}

/**
 * One resource per agent (service.name is the agent's name), one span per action.
 * Every action needs traceId and spanId, and the agent's name in `agent`.
 */
export function toOtlpRequest(actions: readonly ActionPayload[], options: { mcpAgents?: ReadonlySet<string> } = {}): ExportTraceServiceRequest {
  const byAgent = new Map<string, ActionPayload[]>();
  for (const action of actions) {
    if (!action.agent || !action.traceId || !action.spanId) throw new Error(`action ${action.id} cannot be a span: it needs agent, traceId and spanId`);
    byAgent.set(action.agent, [...(byAgent.get(action.agent) ?? []), action]);
  }
  return {
    resourceSpans: [...byAgent].map(([agent, spans]) => ({
      resource: { attributes: keyValues({ "service.name": agent, "telemetry.sdk.language": "python" }) },
      scopeSpans: [
        {
          spans: spans.map((action) => {
            const attributes: Record<string, unknown> = {
              "gen_ai.agent.name": agent,
              ...operationAttributes(action, options.mcpAgents?.has(agent) ?? false),
              ...(action.onBehalfOf ? { "enduser.id": action.onBehalfOf } : {}),
              ...(action.target
                ? {
                    "tourniquet.target.type": action.target.type,
                    "tourniquet.target.id": action.target.id,
                    "tourniquet.target.sensitivity": action.target.sensitivity,
                    ...(action.target.uri ? { "tourniquet.target.uri": action.target.uri } : {}),
                  }
                : {}),
              ...(action.outcome === "denied" ? { "tourniquet.outcome": "denied" } : {}),
              ...action.attributes,
            };
            return {
              traceId: action.traceId,
              spanId: action.spanId,
              name: action.summary ?? action.tool ?? action.kind,
              kind: 3,
              startTimeUnixNano: nanos(action.occurredAt),
              endTimeUnixNano: nanos(action.occurredAt, 250),
              attributes: keyValues(attributes),
              status: action.outcome === "error" ? { code: STATUS_ERROR } : { code: 1 },
            };
          }),
        },
      ],
    })),
  };
}
