// OTLP/HTTP trace export, JSON or protobuf (the specification's default), gzip or not,
// authenticated by an ingest key as a bearer token
// (OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer tq_ik_…"). Replies follow the OTLP
// spec: 200 with partialSuccess for spans that did not become actions, each said why.
// The work one export can cause is bounded before it is done: the decompressed size,
// the spans counted while reading, the nesting (checked without recursion).
import { NextResponse } from "next/server";
import type { Db } from "@/db/client";
import { ingestActions } from "@/lib/actions/ingest-actions";
import { SLICE, collectSpansInTurns, nextTurn } from "@/lib/actions/otlp/collect-spans-in-turns";
import { type MappedSpans, agentIdsOf, externalParentsOf, inheritedContexts, mapEntry } from "@/lib/actions/otlp/map-spans";
import { countSpans, decodeExportInTurns, encodeExportTraceServiceResponse } from "@/lib/actions/otlp/otlp-protobuf";
import { registeredAgentIds, storedTraceContexts } from "@/lib/actions/otlp/trace-lookups";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { getDb } from "@/lib/db";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/db/unavailable";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { recordExportOutcome } from "@/lib/keys/record-export-outcome";
import { enterRequest, isStopping } from "@/lib/setup/graceful-stop";
import { describeForLog } from "./describe-for-log";
import { JsonShapeGuard } from "./json-shape-guard";
import { nestsDeeperThan } from "./nesting-depth";
import { readBodyBuffer } from "./read-json";
import { requestOrigin } from "./request-origin";

/** Bytes of an export, before and after gunzip. */
export const OTLP_BODY_LIMIT = 8 * 1024 * 1024;
/** Spans of one export (the SDKs' batch processors send 512 by default). */
export const OTLP_MAX_SPANS = 5000;
/** Containers open at once in an export (OTLP/JSON); about 12 levels of nested attribute values. */
export const OTLP_MAX_DEPTH = 64;
// Ingested a few hundred at a time: validating and inserting a slice is a short turn.
const CHUNK = 250;
/** What JSON.parse may be asked to build from one export: enough for 5,000 spans of 25 attributes. */
export const OTLP_MAX_VALUES = 1_000_000;
export const OTLP_MAX_CONTAINERS = 300_000;

/** OTLP errors are google.rpc.Status: `{ code, message }` with a gRPC code. */
function status(httpStatus: number, grpcCode: number, message: string): NextResponse {
  return NextResponse.json({ code: grpcCode, message }, { status: httpStatus });
}

/** OTLP/HTTP's retryable answer: exporters retry a 503 after its Retry-After (gRPC code 14, UNAVAILABLE). */
function retryable(message: string, retryAfter: number): NextResponse {
  const response = status(503, 14, message);
  response.headers.set("retry-after", String(retryAfter));
  return response;
}

async function readExport(request: Request, protobuf: boolean): Promise<unknown> {
  if (protobuf) {
    const bytes = await readBodyBuffer(request, OTLP_BODY_LIMIT);
    if (countSpans(bytes, OTLP_MAX_SPANS) > OTLP_MAX_SPANS) throw spansOverLimit();
    const decoded = await decodeExportInTurns(bytes, SLICE, nextTurn);
    if (nestsDeeperThan(decoded, OTLP_MAX_DEPTH)) throw new AppError(400, "too_deep", `The export nests more than ${OTLP_MAX_DEPTH} levels deep.`);
    return decoded;
  }
  const guard = new JsonShapeGuard({
    maxDepth: OTLP_MAX_DEPTH,
    counted: { key: "spans", max: OTLP_MAX_SPANS, what: "spans" },
    maxValues: OTLP_MAX_VALUES,
    maxContainers: OTLP_MAX_CONTAINERS,
  });
  const text = (await readBodyBuffer(request, OTLP_BODY_LIMIT, (chunk) => guard.push(chunk))).toString("utf8");
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError(400, "invalid_json", "The body is not valid JSON.");
  }
}

const spansOverLimit = () => new AppError(413, "payload_too_large", `An export holds at most ${OTLP_MAX_SPANS} spans; lower the batch processor's maxExportBatchSize.`);

export async function handleOtlpTraces(request: Request): Promise<Response> {
  if (isStopping()) return retryable("The server is stopping; retry later.", 1);
  const leave = enterRequest();
  try {
    return await receiveOtlpTraces(await getDb(), request);
  } catch (error) {
    if (isDatabaseUnavailable(error)) return retryable("The database cannot be reached right now; retry later.", DATABASE_RETRY_AFTER_SECONDS);
    throw error;
  } finally {
    leave();
  }
}

/** The export on a given database (tests pass their own). */
export async function receiveOtlpTraces(db: Db, request: Request): Promise<Response> {
  try {
    const type = request.headers.get("content-type") ?? "";
    const protobuf = /^application\/(x-)?protobuf\b/i.test(type);
    if (!protobuf && !/^application\/json\b/i.test(type)) {
      return status(415, 3, "Send OTLP/HTTP as application/x-protobuf or application/json.");
    }

    const authorization = request.headers.get("authorization") ?? "";
    const caller = /^bearer\s/i.test(authorization)
      ? await authenticateBearer(db, authorization.slice(7).trim(), requestOrigin(request.headers))
      : null;
    if (caller?.type !== "ingest_key") return status(401, 16, "Send an ingest key: Authorization: Bearer tq_ik_…");

    const entries = await collectSpansInTurns(await readExport(request, protobuf));
    const [knownAgentIds, stored] = await Promise.all([
      registeredAgentIds(db, agentIdsOf(entries)),
      storedTraceContexts(db, caller, externalParentsOf(entries)),
    ]);
    const options = { capture: env().TOURNIQUET_CAPTURE_CONTENT, knownAgentIds, stored };
    const contexts = inheritedContexts(entries, options);
    const mapped: MappedSpans = { actions: [], rejected: [] };
    for (const [index, entry] of entries.entries()) {
      mapEntry(entry, contexts.get(entry) ?? {}, options, mapped);
      if ((index + 1) % SLICE === 0) await nextTurn();
    }
    const { actions } = mapped;
    const reasons = [...mapped.rejected];
    let accepted = 0;
    for (let start = 0; start < actions.length; start += CHUNK) {
      const result = await ingestActions(db, caller, actions.slice(start, start + CHUNK));
      accepted += result.accepted + result.duplicates;
      for (const item of result.results) if (item.status === "rejected") reasons.push(`span ${item.id ?? "?"}: ${item.reason}`);
    }
    await recordExportOutcome(db, caller, { accepted, rejected: reasons.length, reason: reasons[0] });
    const partialSuccess = reasons.length
      ? { rejectedSpans: String(reasons.length), errorMessage: reasons.slice(0, 10).join("; ") }
      : undefined;
    if (protobuf) {
      return new Response(Buffer.from(encodeExportTraceServiceResponse(partialSuccess)), { headers: { "content-type": "application/x-protobuf" } });
    }
    return NextResponse.json(partialSuccess ? { partialSuccess } : {});
  } catch (error) {
    if (error instanceof AppError) return status(error.status, error.status === 413 ? 8 : 3, error.message);
    if (isDatabaseUnavailable(error)) return retryable("The database cannot be reached right now; retry later.", DATABASE_RETRY_AFTER_SECONDS);
    console.error(`[otlp] unexpected ${describeForLog(error)}`);
    return status(500, 13, "The spans could not be stored; retry later.");
  }
}
