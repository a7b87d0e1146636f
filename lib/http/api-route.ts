// The frame every /api/v1 route handler runs in: it resolves the caller and the
// database, and turns thrown errors into `{ error: { code, message, details? } }`.
// Authorization itself is the lib/ verb's job.
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { ZodError } from "zod";
import type { Db } from "@/db/client";
import { authenticateBearer } from "@/lib/auth/authenticate-bearer";
import type { Caller } from "@/lib/auth/caller";
import { getSessionCaller } from "@/lib/auth/session";
import { getDb, getUrgentDb } from "@/lib/db";
import { isDatabaseUnavailable, DATABASE_RETRY_AFTER_SECONDS } from "@/db/unavailable";
import { AppError, RetryLaterError, unauthorized } from "@/lib/errors";
import { enterRequest, isStopping } from "@/lib/setup/graceful-stop";
import { requestOrigin } from "./request-origin";
import { isCrossOriginRequest } from "./cross-origin";
import { describeForLog } from "./describe-for-log";
import { zodDetails } from "./read-json";

export interface ApiContext<Params> {
  request: NextRequest;
  params: Params;
  caller: Caller | null;
  db: Db;
}

export function errorResponse(status: number, code: string, message: string, details?: unknown): NextResponse {
  return NextResponse.json({ error: details === undefined ? { code, message } : { code, message, details } }, { status });
}

function retryLater(response: NextResponse, seconds: number): NextResponse {
  response.headers.set("retry-after", String(seconds));
  return response;
}

/** A stopping server takes no new work: another replica (or this one, restarted) will. */
export function stoppingResponse(): NextResponse {
  const response = retryLater(errorResponse(503, "stopping", "The server is stopping; retry shortly."), 1);
  response.headers.set("connection", "close");
  return response;
}

export function toErrorResponse(error: unknown): NextResponse {
  if (error instanceof RetryLaterError) {
    return retryLater(errorResponse(error.status, error.code, error.message, error.details), error.retryAfterSeconds);
  }
  if (error instanceof AppError) return errorResponse(error.status, error.code, error.message, error.details);
  if (error instanceof ZodError) return errorResponse(400, "invalid_input", "The request is invalid.", zodDetails(error));
  if (isDatabaseUnavailable(error)) {
    const response = errorResponse(503, "database_unavailable", "The database cannot be reached right now; the change was not made. Retry shortly.");
    return retryLater(response, DATABASE_RETRY_AFTER_SECONDS);
  }
  console.error(`[api] unexpected ${describeForLog(error)}`);
  return errorResponse(500, "internal", "Something went wrong on our side; the change was not made.");
}

/**
 * A bearer credential, when sent, is the only identity considered: a wrong one is a
 * 401 even if a session cookie is present too.
 */
async function resolveCaller(db: Db, request: NextRequest): Promise<Caller | null> {
  const authorization = request.headers.get("authorization");
  if (authorization && /^bearer\s/i.test(authorization)) {
    const caller = await authenticateBearer(db, authorization.slice(7).trim(), requestOrigin(request.headers));
    if (!caller) throw unauthorized("The bearer credential is unknown, expired or revoked.");
    return caller;
  }
  const caller = await getSessionCaller();
  // Only cookie-authenticated changes need it: a page elsewhere cannot send our bearer tokens.
  if (caller && isCrossOriginRequest(request)) {
    throw new AppError(403, "cross_origin", "A change made with the console's session must come from the console's own pages.");
  }
  return caller;
}

export interface ApiRouteOptions {
  /** The kill switch's own connections: a containment must not queue behind ingest. */
  pool?: "urgent";
}

export function apiRoute<Params = Record<string, never>>(
  handler: (context: ApiContext<Params>) => Promise<Response>,
  options: ApiRouteOptions = {},
): (request: NextRequest, context: { params: Promise<Params> }) => Promise<Response> {
  return async (request, context) => {
    if (isStopping()) return stoppingResponse();
    const leave = enterRequest();
    try {
      const db = options.pool === "urgent" ? await getUrgentDb() : await getDb();
      const caller = await resolveCaller(db, request);
      return await handler({ request, params: await context.params, caller, db });
    } catch (error) {
      return toErrorResponse(error);
    } finally {
      leave();
    }
  };
}
