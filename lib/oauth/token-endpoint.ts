// POST /api/oauth/token: read the form, authenticate the client, run the grant. Every
// failure answers in OAuth's shape; an unexpected one is logged and writes nothing.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { describeForLog } from "@/lib/http/describe-for-log";
import { readForm } from "@/lib/http/read-form";
import { authenticateClient } from "./authenticate-client";
import { grantAuthorizationCode } from "./grant-authorization-code";
import { grantClientCredentials } from "./grant-client-credentials";
import { grantRefreshToken } from "./grant-refresh-token";
import { OAuthError } from "./oauth-error";
import { single } from "./oauth-params";

const grants = {
  client_credentials: grantClientCredentials,
  authorization_code: grantAuthorizationCode,
  refresh_token: grantRefreshToken,
} as const;

export const supportedGrantTypes = Object.keys(grants);

const noStore = { "cache-control": "no-store", pragma: "no-cache" };

export function oauthErrorResponse(error: OAuthError): NextResponse {
  const headers: Record<string, string> = { ...noStore };
  if (error.status === 401) headers["www-authenticate"] = 'Basic realm="tourniquet"';
  return NextResponse.json({ error: error.error, error_description: error.description }, { status: error.status, headers });
}

export async function handleTokenRequest(request: Request): Promise<Response> {
  try {
    const form = await readForm(request);
    const db = await getDb();
    // The client first: an unauthenticated caller learns nothing but invalid_client.
    const authenticated = await authenticateClient(db, request.headers.get("authorization"), form);
    const grantType = single(form, "grant_type");
    if (!grantType) throw new OAuthError("invalid_request", "grant_type is required.");
    if (!Object.hasOwn(grants, grantType)) {
      throw new OAuthError("unsupported_grant_type", `Supported grant types: ${supportedGrantTypes.join(", ")}.`);
    }
    const tokens = await grants[grantType as keyof typeof grants](db, authenticated, form);
    return NextResponse.json(tokens, { headers: noStore });
  } catch (error) {
    if (error instanceof OAuthError) return oauthErrorResponse(error);
    if (error instanceof AppError && error.status < 500) return oauthErrorResponse(new OAuthError("invalid_request", error.message, error.status));
    console.error(`[oauth/token] unexpected ${describeForLog(error)}`);
    return oauthErrorResponse(new OAuthError("server_error", "The token could not be issued; nothing was issued.", 500));
  }
}
