// The parts of OTLP/JSON (ExportTraceServiceRequest) that Tourniquet reads.
// https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding
import { z } from "zod";

type AnyValue = {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: string | number;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
  kvlistValue?: { values?: { key: string; value?: AnyValue }[] };
  bytesValue?: string;
};

const anyValue: z.ZodType<AnyValue> = z.lazy(() =>
  z.object({
    stringValue: z.string().optional(),
    boolValue: z.boolean().optional(),
    intValue: z.union([z.string(), z.number()]).optional(),
    doubleValue: z.number().optional(),
    arrayValue: z.object({ values: z.array(anyValue).optional() }).optional(),
    kvlistValue: z.object({ values: z.array(z.object({ key: z.string(), value: anyValue.optional() })).optional() }).optional(),
    bytesValue: z.string().optional(),
  }),
);

const keyValue = z.object({ key: z.string(), value: anyValue.optional() });
export type KeyValue = z.infer<typeof keyValue>;

export const otlpSpan = z.object({
  traceId: z.string().optional(),
  spanId: z.string().optional(),
  parentSpanId: z.string().optional(),
  name: z.string().optional(),
  kind: z.union([z.number(), z.string()]).optional(),
  startTimeUnixNano: z.union([z.string(), z.number()]).optional(),
  endTimeUnixNano: z.union([z.string(), z.number()]).optional(),
  attributes: z.array(keyValue).optional(),
  status: z.object({ code: z.union([z.number(), z.string()]).optional(), message: z.string().optional() }).optional(),
});
export type OtlpSpan = z.infer<typeof otlpSpan>;
export const otlpResource = z.object({ attributes: z.array(keyValue).optional() });

export const exportTraceServiceRequest = z.object({
  resourceSpans: z
    .array(
      z.object({
        resource: z.object({ attributes: z.array(keyValue).optional() }).optional(),
        scopeSpans: z.array(z.object({ spans: z.array(otlpSpan).optional() })).optional(),
      }),
    )
    .optional(),
});
export type ExportTraceServiceRequest = z.infer<typeof exportTraceServiceRequest>;

/** OTLP attributes as a plain object: scalars as themselves, arrays and maps as JSON values. */
export function attributesObject(attributes: KeyValue[] | undefined): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const { key, value } of attributes ?? []) result[key] = plainValue(value);
  return result;
}

function plainValue(value: AnyValue | undefined): unknown {
  if (!value) return null;
  // NUL cannot be stored in PostgreSQL text; drop it rather than lose the span.
  if (value.stringValue !== undefined) return value.stringValue.replaceAll("\0", "");
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plainValue);
  if (value.kvlistValue) return Object.fromEntries((value.kvlistValue.values ?? []).map((entry) => [entry.key, plainValue(entry.value)]));
  if (value.bytesValue !== undefined) return value.bytesValue;
  return null;
}
