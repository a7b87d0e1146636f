// OTLP/HTTP trace export (JSON, gzip accepted), authenticated by an ingest key as a
// bearer token (OTEL_EXPORTER_OTLP_HEADERS="Authorization=Bearer tq_ik_…"). Replies
// follow the OTLP spec: 200 with partialSuccess for spans that did not become actions.
import { NextResponse } from "next/server";
import { ingestActions } from "@/lib/actions/ingest-actions";
import { exportTraceServiceRequest } from "@/lib/actions/otlp/otlp-json";
import { mapSpans } from "@/lib/actions/otlp/map-spans";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import { getDb } from "@/lib/db";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/db/unavailable";
import { AppError } from "@/lib/errors";
import { enterRequest, isStopping } from "@/lib/setup/graceful-stop";
import { readBodyText } from "./read-json";
import { describeForLog } from "./describe-for-log";
import { requestOrigin } from "./request-origin";

const BODY_LIMIT = 16 * 1024 * 1024;
const CHUNK = 1000;

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

export async function handleOtlpTraces(request: Request): Promise<Response> {
  if (isStopping()) return retryable("The server is stopping; retry later.", 1);
  const leave = enterRequest();
  try {
    const type = request.headers.get("content-type") ?? "";
    if (/protobuf/i.test(type)) {
      return status(415, 3, "Send OTLP/HTTP as JSON (OTEL_EXPORTER_OTLP_TRACES_PROTOCOL=http/json); protobuf is not supported.");
    }
    if (!/^application\/json\b/i.test(type)) return status(415, 3, "Send OTLP/HTTP JSON with Content-Type: application/json.");

    const db = await getDb();
    const authorization = request.headers.get("authorization") ?? "";
    const caller = /^bearer\s/i.test(authorization)
      ? await authenticateBearer(db, authorization.slice(7).trim(), requestOrigin(request.headers))
      : null;
    if (caller?.type !== "ingest_key") return status(401, 16, "Send an ingest key: Authorization: Bearer tq_ik_…");

    let body: unknown;
    try {
      body = JSON.parse(await readBodyText(request, BODY_LIMIT));
    } catch (error) {
      if (error instanceof AppError) throw error;
      return status(400, 3, "The body is not valid JSON.");
    }
    const parsed = exportTraceServiceRequest.safeParse(body);
    if (!parsed.success) return status(400, 3, "The body is not an OTLP ExportTraceServiceRequest.");

    const { actions, rejected } = mapSpans(parsed.data);
    const reasons = [...rejected];
    for (let start = 0; start < actions.length; start += CHUNK) {
      const result = await ingestActions(db, caller, actions.slice(start, start + CHUNK));
      for (const item of result.results) if (item.status === "rejected") reasons.push(`span ${item.id ?? "?"}: ${item.reason}`);
    }
    if (reasons.length === 0) return NextResponse.json({});
    return NextResponse.json({
      partialSuccess: { rejectedSpans: String(reasons.length), errorMessage: reasons.slice(0, 10).join("; ") },
    });
  } catch (error) {
    if (error instanceof AppError) return status(error.status, error.status === 413 ? 8 : 3, error.message);
    if (isDatabaseUnavailable(error)) return retryable("The database cannot be reached right now; retry later.", DATABASE_RETRY_AFTER_SECONDS);
    console.error(`[otlp] unexpected ${describeForLog(error)}`);
    return status(500, 13, "The spans could not be stored; retry later.");
  } finally {
    leave();
  }
}
