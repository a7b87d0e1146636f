// Turns OpenTelemetry spans into actions. GenAI semantic conventions name the agent
// (gen_ai.agent.id / gen_ai.agent.name, else the resource's service.name), the
// operation (execute_tool, invoke_agent, chat…) and the tool; MCP spans add
// mcp.method.name. Attributes under `tourniquet.` let an instrumented agent say
// what a span touched: tourniquet.target.{type,id,uri,sensitivity},
// tourniquet.action.kind, tourniquet.outcome.
import { actionKinds, outcomes, sensitivities } from "../vocabulary";
import { type ExportTraceServiceRequest, type OtlpSpan, attributesObject } from "./otlp-json";

const MODEL_OPERATIONS = new Set(["chat", "text_completion", "generate_content", "embeddings", "create_agent"]);
const STATUS_ERROR = 2;

export interface MappedSpans {
  /** Raw actions, in the ingest API's shape; the ingest verb validates them. */
  actions: Record<string, unknown>[];
  /** Spans that could not become an action, with why. */
  rejected: string[];
}

const text = (value: unknown): string | undefined => (typeof value === "string" && value.trim() ? value.trim() : undefined);
const clean = (value: string | undefined) => value?.replaceAll("\0", "");
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

function kindOf(attributes: Record<string, unknown>): string {
  const declared = oneOf(actionKinds, attributes["tourniquet.action.kind"]);
  if (declared) return declared;
  const operation = text(attributes["gen_ai.operation.name"]);
  const method = text(attributes["mcp.method.name"]);
  if (operation === "execute_tool" || method === "tools/call") return "tool_call";
  if (method === "resources/read") return "data_read";
  if (operation && MODEL_OPERATIONS.has(operation)) return "model_call";
  return "other";
}

function outcomeOf(span: OtlpSpan, attributes: Record<string, unknown>): string {
  const declared = oneOf(outcomes, attributes["tourniquet.outcome"]);
  if (declared) return declared;
  const code = span.status?.code;
  return code === STATUS_ERROR || code === "STATUS_CODE_ERROR" ? "error" : "allowed";
}

/** OTLP/JSON carries ids as hex; some exporters send base64 of the 16/8 bytes instead. */
function hexId(value: string | undefined, bytes: number): string | undefined {
  if (!value) return undefined;
  if (new RegExp(`^[0-9a-f]{${bytes * 2}}$`, "i").test(value)) return value.toLowerCase();
  const decoded = Buffer.from(value, "base64");
  return decoded.length === bytes ? decoded.toString("hex") : undefined;
}

function isoFromNanos(value: string | number | undefined): string | undefined {
  if (value === undefined) return undefined;
  try {
    const millis = Number(BigInt(value) / 1_000_000n);
    return millis > 0 ? new Date(millis).toISOString() : undefined;
  } catch {
    return undefined;
  }
}

// Resource attributes can be large (process arguments, host facts); past this, only
// the attributes that say who did what are kept, so the action is not rejected.
const ATTRIBUTES_BUDGET = 12 * 1024;
const ESSENTIAL = /^(gen_ai\.|mcp\.|service\.|enduser\.|user\.|error\.|http\.|url\.|db\.)/;

function keptAttributes(attributes: Record<string, unknown>): Record<string, unknown> {
  const all = Object.fromEntries(Object.entries(attributes).filter(([key]) => !key.startsWith("tourniquet.")));
  if (JSON.stringify(all).length <= ATTRIBUTES_BUDGET) return all;
  const essential = Object.fromEntries(Object.entries(all).filter(([key]) => ESSENTIAL.test(key)));
  return JSON.stringify(essential).length <= ATTRIBUTES_BUDGET ? essential : { truncated: true };
}

export function mapSpans(request: ExportTraceServiceRequest): MappedSpans {
  const mapped: MappedSpans = { actions: [], rejected: [] };
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = attributesObject(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) {
        const attributes = { ...resource, ...attributesObject(span.attributes) };
        const traceId = hexId(span.traceId, 16);
        const spanId = hexId(span.spanId, 8);
        const agent = text(attributes["gen_ai.agent.id"]) ?? text(attributes["gen_ai.agent.name"]) ?? text(resource["service.name"]);
        const occurredAt = isoFromNanos(span.startTimeUnixNano);
        if (!traceId || !spanId) {
          mapped.rejected.push(`span "${span.name ?? "?"}": traceId and spanId are required`);
          continue;
        }
        if (!agent) {
          mapped.rejected.push(`span ${spanId}: no gen_ai.agent.id, gen_ai.agent.name or service.name names the agent`);
          continue;
        }
        const targetType = text(attributes["tourniquet.target.type"]);
        const targetId = text(attributes["tourniquet.target.id"]);
        const tool = text(attributes["gen_ai.tool.name"]) ?? (text(attributes["mcp.method.name"]) === "tools/call" ? text(attributes["mcp.tool.name"]) : undefined);
        mapped.actions.push({
          id: `${traceId}:${spanId}`,
          agent,
          occurredAt: occurredAt ?? "",
          kind: kindOf(attributes),
          ...(tool ? { tool } : {}),
          ...(targetType && targetId
            ? {
                target: {
                  type: targetType,
                  id: targetId,
                  ...(text(attributes["tourniquet.target.uri"]) ? { uri: text(attributes["tourniquet.target.uri"]) } : {}),
                  sensitivity: oneOf(sensitivities, attributes["tourniquet.target.sensitivity"]) ?? "internal",
                },
              }
            : {}),
          ...(text(attributes["enduser.id"]) ?? text(attributes["user.id"])
            ? { onBehalfOf: text(attributes["enduser.id"]) ?? text(attributes["user.id"]) }
            : {}),
          outcome: outcomeOf(span, attributes),
          summary: (clean([span.name, span.status?.message].filter(Boolean).join(": ")) ?? "").slice(0, 2000),
          attributes: keptAttributes(attributes),
          traceId,
          spanId,
        });
      }
    }
  }
  return mapped;
}
