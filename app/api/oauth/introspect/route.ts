// RFC 7662 token introspection for resource servers.
import { NextResponse } from "next/server";
import { introspectToken } from "@/lib/credentials/introspect-token";
import { oauthError, oauthRoute } from "@/lib/http/oauth-route";

export const POST = oauthRoute(async ({ db, caller, form }) => {
  const token = form.get("token");
  if (!token) return oauthError(400, "invalid_request", "The token parameter is required.");
  const result = await introspectToken(db, caller, token);
  return NextResponse.json(result, { headers: { "cache-control": "no-store", pragma: "no-cache" } });
});
