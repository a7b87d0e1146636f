// The frame of the RFC 7662 and RFC 7009 endpoints: form body, resource-server client
// authentication, and errors in OAuth's own shape `{ error, error_description }`.
import { NextResponse } from "next/server";
import type { Db } from "@/db/client";
import { authenticateResourceServer, readClientCredentials } from "@/lib/auth/authenticate-resource-server";
import type { ResourceServerCaller } from "@/lib/auth/caller";
import { getDb } from "@/lib/db";
import { DATABASE_RETRY_AFTER_SECONDS, isDatabaseUnavailable } from "@/db/unavailable";
import { AppError } from "@/lib/errors";
import { enterRequest, isStopping } from "@/lib/setup/graceful-stop";
import { limits } from "./rate-limiter";
import { readForm } from "./read-form";
import { describeForLog } from "./describe-for-log";
import { requestOrigin } from "./request-origin";

export function oauthError(status: number, error: string, description: string): NextResponse {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  if (status === 401) headers["www-authenticate"] = 'Basic realm="tourniquet"';
  return NextResponse.json({ error, error_description: description }, { status, headers });
}

function tooMany(retryAfter: number): NextResponse {
  const response = oauthError(429, "slow_down", `Too many requests; retry in ${retryAfter} s.`);
  response.headers.set("retry-after", String(retryAfter));
  return response;
}

/** RFC 6749's temporarily_unavailable, with Retry-After. */
export function unavailable(description: string, retryAfter: number): NextResponse {
  const response = oauthError(503, "temporarily_unavailable", description);
  response.headers.set("retry-after", String(retryAfter));
  return response;
}

export function oauthRoute(
  handler: (context: { db: Db; caller: ResourceServerCaller; form: URLSearchParams }) => Promise<Response>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (isStopping()) return unavailable("The server is stopping; retry shortly.", 1);
    const leave = enterRequest();
    try {
      const form = await readForm(request);
      const db = await getDb();
      const origin = requestOrigin(request.headers);
      const { clientAuthFailures, tokenChecks } = limits();
      const credentials = readClientCredentials(request.headers.get("authorization"), form);
      // Keyed by address and client id, so one noisy neighbour behind the same NAT
      // cannot lock every resource server out of its token checks.
      const failureKey = `${origin.ip ?? "unknown"}|${credentials?.clientId ?? "-"}`;
      // Client secrets are 256 random bits: the failure limit caps the cost of noise, not
      // guessing, so a server that authenticates never waits on it (and a check stays one
      // read, the token's, while its credentials are remembered).
      const caller = await authenticateResourceServer(db, credentials, origin);
      if (!caller) {
        if (await clientAuthFailures.blocked(db, failureKey)) return tooMany(await clientAuthFailures.retryAfter(db, failureKey));
        await clientAuthFailures.take(db, failureKey);
        return oauthError(401, "invalid_client", "Authenticate as a registered resource server.");
      }
      if (!(await tokenChecks.take(db, caller.id))) return tooMany(await tokenChecks.retryAfter(db, caller.id));
      return await handler({ db, caller, form });
    } catch (error) {
      if (error instanceof AppError) return oauthError(error.status, "invalid_request", error.message);
      // The check could not be made: no answer either way, and the client may retry.
      if (isDatabaseUnavailable(error)) return unavailable("The token check cannot be made right now; retry shortly.", DATABASE_RETRY_AFTER_SECONDS);
      console.error(`[oauth] unexpected ${describeForLog(error)}`);
      return oauthError(500, "server_error", "The token check failed on our side.");
    } finally {
      leave();
    }
  };
}
