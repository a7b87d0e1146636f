// Turns OpenTelemetry spans into actions, one action per span (wrapper spans included).
// The agent is the span's own gen_ai.agent.* (span-conventions.ts), else its nearest
// ancestor's in the same trace, in this export or stored by an earlier one (`stored`),
// else the resource's service.name. enduser.id and session.id inherit the same way.
// Attributes under `tourniquet.` let an instrumented agent say what a span touched:
// tourniquet.target.{type,id,uri,sensitivity}, tourniquet.action.kind, tourniquet.outcome.
import { outcomes, sensitivities } from "../vocabulary";
import { type ExportTraceServiceRequest, type OtlpSpan, attributesObject } from "./otlp-json";
import { type CaptureMode, applyCapture, endUserOf, kindOf, ownAgent, sessionOf, text, toolOf } from "./span-conventions";

const STATUS_ERROR = 2;
/** Ancestors followed within one export before giving up (a cycle, or a very deep trace). */
const MAX_ANCESTORS = 256;

export interface MappedSpans {
  /** Raw actions, in the ingest API's shape; the ingest verb validates them. */
  actions: Record<string, unknown>[];
  /** Spans that could not become an action, with why. */
  rejected: string[];
}

/** What a span passes on to its descendants. */
export interface TraceContext {
  agent?: string;
  onBehalfOf?: string;
  session?: string;
}

export interface MapOptions {
  capture: CaptureMode;
  /** Contexts of spans stored by earlier exports, by `traceId:spanId`. */
  stored?: Map<string, TraceContext>;
  /** gen_ai.agent.id values that name a registered agent (its id, name or an external id). */
  knownAgentIds?: Set<string>;
}

export interface SpanEntry {
  span: OtlpSpan;
  attributes: Record<string, unknown>;
  service?: string;
  traceId?: string;
  spanId?: string;
  parentSpanId?: string;
}

const clean = (value: string | undefined) => value?.replaceAll("\0", "");
const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

function outcomeOf(span: OtlpSpan, attributes: Record<string, unknown>): string {
  const declared = oneOf(outcomes, attributes["tourniquet.outcome"]);
  if (declared) return declared;
  const code = span.status?.code;
  return code === STATUS_ERROR || code === "STATUS_CODE_ERROR" ? "error" : "allowed";
}

const HEX = /^[0-9a-f]+$/i;

/** OTLP/JSON carries ids as hex; some exporters send base64 of the 16/8 bytes instead. */
function hexId(value: string | undefined, bytes: number): string | undefined {
  if (!value) return undefined;
  if (value.length === bytes * 2 && HEX.test(value)) return value.toLowerCase();
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

/** One span with its resource's attributes under its own, and its ids as hex. */
export function spanEntry(span: OtlpSpan, resource: Record<string, unknown>): SpanEntry {
  return {
    span,
    attributes: { ...resource, ...attributesObject(span.attributes) },
    service: text(resource["service.name"]),
    traceId: hexId(span.traceId, 16),
    spanId: hexId(span.spanId, 8),
    parentSpanId: hexId(span.parentSpanId, 8),
  };
}

/** Every span of the export with its merged attributes and ids, in order. */
export function collectSpans(request: ExportTraceServiceRequest): SpanEntry[] {
  const entries: SpanEntry[] = [];
  for (const resourceSpans of request.resourceSpans ?? []) {
    const resource = attributesObject(resourceSpans.resource?.attributes);
    for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
      for (const span of scopeSpans.spans ?? []) entries.push(spanEntry(span, resource));
    }
  }
  return entries;
}

/** gen_ai.agent.id values of the export, to be looked up before mapping. */
export const agentIdsOf = (entries: SpanEntry[]) => [...new Set(entries.flatMap((entry) => ownAgent(entry.attributes)?.id ?? []))];

/** Parents that are not in this export: an earlier export may have stored them. */
export function externalParentsOf(entries: SpanEntry[]): { traceId: string; spanId: string }[] {
  const present = new Set(entries.map((entry) => `${entry.traceId}:${entry.spanId}`));
  const parents = new Map<string, { traceId: string; spanId: string }>();
  for (const { traceId, parentSpanId } of entries) {
    if (traceId && parentSpanId && !present.has(`${traceId}:${parentSpanId}`)) parents.set(`${traceId}:${parentSpanId}`, { traceId, spanId: parentSpanId });
  }
  return [...parents.values()];
}

function ownContext(entry: SpanEntry, knownAgentIds: Set<string>): TraceContext {
  const own = ownAgent(entry.attributes);
  // An id that names no registered agent loses to a name (which may name one).
  const agent = own?.id && (knownAgentIds.has(own.id) || !own.name) ? own.id : own?.name;
  return { agent, onBehalfOf: endUserOf(entry.attributes), session: sessionOf(entry.attributes) };
}

/** Each span's context: its own values, the missing ones from the nearest ancestor that has them. */
export function inheritedContexts(entries: SpanEntry[], options: MapOptions): Map<SpanEntry, TraceContext> {
  const known = options.knownAgentIds ?? new Set<string>();
  const byKey = new Map(entries.map((entry) => [`${entry.traceId}:${entry.spanId}`, entry]));
  const own = new Map(entries.map((entry) => [entry, ownContext(entry, known)]));
  const result = new Map<SpanEntry, TraceContext>();
  for (const entry of entries) {
    const context = { ...own.get(entry) };
    let parentKey = entry.parentSpanId ? `${entry.traceId}:${entry.parentSpanId}` : undefined;
    // A loop, not recursion: a trace may be deep or (from a buggy sender) cyclic.
    for (let hops = 0; parentKey && hops < MAX_ANCESTORS && !(context.agent && context.onBehalfOf && context.session); hops++) {
      const parent = byKey.get(parentKey);
      const inherited = parent ? own.get(parent) : options.stored?.get(parentKey);
      context.agent ??= inherited?.agent;
      context.onBehalfOf ??= inherited?.onBehalfOf;
      context.session ??= inherited?.session;
      parentKey = parent?.parentSpanId ? `${parent.traceId}:${parent.parentSpanId}` : undefined;
    }
    result.set(entry, context);
  }
  return result;
}

function noAgentReason(entry: SpanEntry): string {
  const base = `span ${entry.spanId}: neither it nor an ancestor in its trace carries gen_ai.agent.name or gen_ai.agent.id`;
  if (entry.service?.startsWith("unknown_service")) return `${base}, and service.name is the SDK's default "${entry.service}": set OTEL_SERVICE_NAME to the agent's name`;
  return `${base}, and the resource has no service.name`;
}

export function mapSpans(request: ExportTraceServiceRequest | SpanEntry[], options: MapOptions = { capture: "none" }): MappedSpans {
  const entries = Array.isArray(request) ? request : collectSpans(request);
  const contexts = inheritedContexts(entries, options);
  const mapped: MappedSpans = { actions: [], rejected: [] };
  for (const entry of entries) mapEntry(entry, contexts.get(entry) ?? {}, options, mapped);
  return mapped;
}

/** One span as an action (added to `mapped.actions`) or a reason (to `mapped.rejected`). */
export function mapEntry(entry: SpanEntry, context: TraceContext, options: MapOptions, mapped: MappedSpans): void {
  const { span, attributes, traceId, spanId, parentSpanId } = entry;
  const service = entry.service?.startsWith("unknown_service") ? undefined : entry.service;
  const agent = context.agent ?? service;
  const occurredAt = isoFromNanos(span.startTimeUnixNano);
  if (!traceId || !spanId) {
    mapped.rejected.push(`span "${span.name ?? "?"}": traceId and spanId are required`);
    return;
  }
  if (!agent) {
    mapped.rejected.push(noAgentReason(entry));
    return;
  }
  const targetType = text(attributes["tourniquet.target.type"]);
  const targetId = text(attributes["tourniquet.target.id"]);
  const tool = toolOf(attributes);
  const kept = applyCapture(keptAttributes(attributes), options.capture);
  if (context.session && kept["session.id"] === undefined) kept["session.id"] = context.session;
  mapped.actions.push({
    id: `${traceId}:${spanId}`,
    agent,
    occurredAt: occurredAt ?? "",
    kind: kindOf(attributes, span.name),
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
    ...(context.onBehalfOf ? { onBehalfOf: context.onBehalfOf } : {}),
    outcome: outcomeOf(span, attributes),
    summary: (clean([span.name, span.status?.message].filter(Boolean).join(": ")) ?? "").slice(0, 2000),
    attributes: kept,
    traceId,
    spanId,
    ...(parentSpanId ? { parentSpanId } : {}),
  });
}
