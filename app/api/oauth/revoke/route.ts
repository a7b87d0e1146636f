// RFC 7009 token revocation: 200 whether or not the token existed.
import { isKnownTokenTypeHint } from "@/lib/credentials/token-type-hint";
import { revokeTokenByValue } from "@/lib/credentials/revoke-token-by-value";
import { oauthError, oauthRoute } from "@/lib/http/oauth-route";

export const POST = oauthRoute(async ({ db, caller, form }) => {
  const token = form.get("token");
  if (!token) return oauthError(400, "invalid_request", "The token parameter is required.");
  if (!isKnownTokenTypeHint(form.get("token_type_hint"))) {
    return oauthError(400, "unsupported_token_type", "Tourniquet issues access tokens only.");
  }
  await revokeTokenByValue(db, caller, token);
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
});
