// OTLP/HTTP protobuf (the specification's default encoding) decoded with the
// OpenTelemetry project's own message definitions: the protobufjs module that
// @opentelemetry/otlp-transformer generated from opentelemetry-proto (installed as
// `otlp-proto-definitions`). toObject gives the same shape as OTLP/JSON (ids as
// base64, 64-bit integers as strings), so one mapping serves both encodings.
import generated from "otlp-proto-definitions/build/src/generated/root.js";
import { AppError } from "@/lib/errors";

interface MessageType {
  decode(bytes: Uint8Array): object;
  fromObject(object: unknown): object;
  encode(message: object): { finish(): Uint8Array };
  toObject(message: object, options: Record<string, unknown>): Record<string, unknown>;
}
interface ResponseType {
  fromObject(object: Record<string, unknown>): object;
  encode(message: object): { finish(): Uint8Array };
}
interface GeneratedRoot {
  opentelemetry: {
    proto: {
      trace: { v1: { Span: MessageType } };
      resource: { v1: { Resource: MessageType } };
      collector: { trace: { v1: { ExportTraceServiceRequest: MessageType; ExportTraceServiceResponse: ResponseType } } };
    };
  };
}

// The generated module's declarations type it as a bare protobufjs Root.
const root = generated as unknown as GeneratedRoot;
const { ExportTraceServiceRequest, ExportTraceServiceResponse } = root.opentelemetry.proto.collector.trace.v1;

const { Span } = root.opentelemetry.proto.trace.v1;
const { Resource } = root.opentelemetry.proto.resource.v1;
const AS_JSON = { longs: String, enums: Number, bytes: String, defaults: false };

function decodeOne(type: MessageType, bytes: Uint8Array): Record<string, unknown> {
  try {
    return type.toObject(type.decode(bytes), AS_JSON);
  } catch (error) {
    // protobufjs decodes nested values recursively: a body nested deeper than the stack
    // ends in a RangeError, which is the sender's fault, not the server's.
    if (error instanceof RangeError) throw new AppError(400, "too_deep", "The body nests too deep.");
    throw new AppError(400, "invalid_body", "The body is not an OTLP ExportTraceServiceRequest in protobuf.");
  }
}

/**
 * The export in OTLP/JSON's shape, decoded one span at a time (the wire walk below
 * finds each span's bytes) with a turn of the event loop every `slice` spans, so a
 * full-size export never holds the loop for the whole decode.
 */
export async function decodeExportInTurns(bytes: Uint8Array, slice: number, nextTurn: () => Promise<void>): Promise<unknown> {
  const resourceSpans: unknown[] = [];
  let decoded = 0;
  for (const resourceRange of lengthDelimited(bytes, 0, bytes.length, 1)) {
    const [resourceBytes] = [...lengthDelimited(bytes, resourceRange.start, resourceRange.end, 1)];
    const resource = resourceBytes ? decodeOne(Resource, bytes.subarray(resourceBytes.start, resourceBytes.end)) : {};
    const scopeSpans: unknown[] = [];
    for (const scopeRange of lengthDelimited(bytes, resourceRange.start, resourceRange.end, 2)) {
      const spans: unknown[] = [];
      for (const spanRange of lengthDelimited(bytes, scopeRange.start, scopeRange.end, 2)) {
        spans.push(decodeOne(Span, bytes.subarray(spanRange.start, spanRange.end)));
        if (++decoded % slice === 0) await nextTurn();
      }
      scopeSpans.push({ spans });
    }
    resourceSpans.push({ resource, scopeSpans });
  }
  return { resourceSpans };
}

/** The reply to a protobuf export, in protobuf as the specification asks (`{}` when all spans landed). */
export function encodeExportTraceServiceResponse(partialSuccess?: { rejectedSpans: string; errorMessage: string }): Uint8Array {
  return ExportTraceServiceResponse.encode(ExportTraceServiceResponse.fromObject(partialSuccess ? { partialSuccess } : {})).finish();
}

/**
 * An OTLP/JSON ExportTraceServiceRequest (hex ids) as protobuf bytes, the way an
 * exporter sends it: for the bench and tests, which send the same spans both ways.
 */
export function encodeExportTraceServiceRequest(request: unknown): Uint8Array {
  const withByteIds = JSON.parse(JSON.stringify(request), (key, value: unknown) =>
    (key === "traceId" || key === "spanId" || key === "parentSpanId") && typeof value === "string" ? Buffer.from(value, "hex") : value,
  ) as unknown;
  return ExportTraceServiceRequest.encode(ExportTraceServiceRequest.fromObject(withByteIds)).finish();
}

/**
 * How many spans an ExportTraceServiceRequest holds, read from the wire without
 * decoding anything: resource_spans (1) → scope_spans (2) → spans (2). Three fixed
 * levels walked in a loop, so a bomb of empty spans is refused before protobufjs
 * builds millions of objects.
 */
export function countSpans(bytes: Uint8Array, max: number): number {
  let count = 0;
  for (const resourceSpans of lengthDelimited(bytes, 0, bytes.length, 1)) {
    for (const scopeSpans of lengthDelimited(bytes, resourceSpans.start, resourceSpans.end, 2)) {
      for (const _span of lengthDelimited(bytes, scopeSpans.start, scopeSpans.end, 2)) {
        if (++count > max) return count;
      }
    }
  }
  return count;
}

function* lengthDelimited(bytes: Uint8Array, start: number, end: number, field: number): Generator<{ start: number; end: number }> {
  let pos = start;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= end) throw new AppError(400, "invalid_body", "The protobuf body is truncated.");
      const byte = bytes[pos++] as number;
      result += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return result;
      shift += 7;
      if (shift > 63) throw new AppError(400, "invalid_body", "The protobuf body has a malformed varint.");
    }
  };
  while (pos < end) {
    const tag = varint();
    const wireType = tag % 8;
    if (wireType === 0) varint();
    else if (wireType === 1) pos += 8;
    else if (wireType === 5) pos += 4;
    else if (wireType === 2) {
      const length = varint();
      const next = pos + length;
      if (next > end) throw new AppError(400, "invalid_body", "The protobuf body is truncated.");
      if (Math.floor(tag / 8) === field) yield { start: pos, end: next };
      pos = next;
    } else throw new AppError(400, "invalid_body", "The protobuf body uses an unsupported wire type.");
  }
}
