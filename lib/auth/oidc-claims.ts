// The person's claims from the ID token, completed from the userinfo endpoint when the
// ID token lacks the email or another wanted claim such as the groups (several providers
// put profile, email and group claims only there).
import * as oauth from "oauth4webapi";

export type Claims = Record<string, unknown>;

export async function completeClaimsFromUserinfo(
  issuer: string,
  accessToken: string | undefined,
  idTokenClaims: Claims,
  otherWanted: readonly string[] = [],
): Promise<Claims> {
  const hasEmail = typeof idTokenClaims.email === "string" && idTokenClaims.email;
  if ((hasEmail && otherWanted.every((claim) => idTokenClaims[claim] !== undefined)) || !accessToken) return idTokenClaims;
  const issuerUrl = new URL(issuer);
  const options = { [oauth.allowInsecureRequests]: issuerUrl.protocol === "http:" };
  const as = await oauth.processDiscoveryResponse(issuerUrl, await oauth.discoveryRequest(issuerUrl, options));
  if (!as.userinfo_endpoint) return idTokenClaims;
  const response = await fetch(as.userinfo_endpoint, { headers: { authorization: `Bearer ${accessToken}`, accept: "application/json" } });
  if (!response.ok) throw new Error(`userinfo answered ${response.status}`);
  const userinfo = (await response.json()) as Claims;
  // The userinfo answer must be about the same person the ID token names (OIDC Core 5.3.2).
  if (userinfo.sub !== idTokenClaims.sub) throw new Error("userinfo sub does not match the ID token");
  return { ...userinfo, ...Object.fromEntries(Object.entries(idTokenClaims).filter(([, value]) => value !== undefined)) };
}
