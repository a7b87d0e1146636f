// The spans of a parsed export, validated and collected a slice at a time with a turn
// of the event loop between slices, so a full-size export (5,000 spans) never holds the
// loop for long: other requests, the kill switch's token checks among them, go on.
import { AppError } from "@/lib/errors";
import { type SpanEntry, spanEntry } from "./map-spans";
import { attributesObject, otlpResource, otlpSpan } from "./otlp-json";

export const SLICE = 100;
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

const notAnExport = () => new AppError(400, "invalid_body", "The body is not an OTLP ExportTraceServiceRequest.");
const list = (value: unknown): unknown[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw notAnExport();
  return value;
};
const field = (value: unknown, key: string): unknown =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>)[key] : undefined;

export async function collectSpansInTurns(body: unknown): Promise<SpanEntry[]> {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw notAnExport();
  const entries: SpanEntry[] = [];
  for (const resourceSpans of list(field(body, "resourceSpans"))) {
    const resource = otlpResource.safeParse(field(resourceSpans, "resource") ?? {});
    if (!resource.success) throw notAnExport();
    const resourceAttributes = attributesObject(resource.data.attributes);
    for (const scopeSpans of list(field(resourceSpans, "scopeSpans"))) {
      for (const raw of list(field(scopeSpans, "spans"))) {
        const span = otlpSpan.safeParse(raw);
        if (!span.success) throw notAnExport();
        entries.push(spanEntry(span.data, resourceAttributes));
        if (entries.length % SLICE === 0) await nextTurn();
      }
    }
  }
  return entries;
}
