// authorization_code with PKCE (S256 only): a person approved the agent on the consent
// page; the code is single-use, bound to its redirect URI, client and challenge. A
// replayed code revokes what it issued (RFC 6749 §4.1.2).
import { createHash } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { oauthAuthorizationCodes, oauthDelegations } from "@/db/schema";
import { hashSecret, secretPrefixes } from "@/lib/credentials/secret";
import type { AuthenticatedClient } from "./authenticate-client";
import { agentCallerOf } from "./agent-caller";
import { issueDelegatedTokens } from "./issue-delegated-tokens";
import { OAuthError } from "./oauth-error";
import { required } from "./oauth-params";
import { revokeDelegationFamily } from "./revoke-delegation-family";
import type { GrantOutcome, TokenResponse } from "./token-response";

const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

export function s256(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

export async function grantAuthorizationCode(db: Db, authenticated: AuthenticatedClient, form: URLSearchParams): Promise<TokenResponse> {
  const code = required(form, "code");
  const redirectUri = required(form, "redirect_uri");
  const verifier = required(form, "code_verifier");
  if (!VERIFIER.test(verifier)) throw new OAuthError("invalid_request", "code_verifier must be 43-128 unreserved characters (RFC 7636).");
  if (!code.startsWith(secretPrefixes.authorizationCode)) throw new OAuthError("invalid_grant", "Unknown authorization code.");

  const outcome = await db.transaction(async (tx): Promise<GrantOutcome> => {
    const [row] = await tx
      .select({ code: oauthAuthorizationCodes, clientRowId: oauthDelegations.clientRowId })
      .from(oauthAuthorizationCodes)
      .innerJoin(oauthDelegations, eq(oauthDelegations.id, oauthAuthorizationCodes.delegationId))
      .where(eq(oauthAuthorizationCodes.codeHash, hashSecret(code)));
    if (!row || row.clientRowId !== authenticated.client.id) return { error: "Unknown authorization code." };
    const [claimed] = await tx
      .update(oauthAuthorizationCodes)
      .set({ usedAt: new Date() })
      .where(and(eq(oauthAuthorizationCodes.codeHash, row.code.codeHash), isNull(oauthAuthorizationCodes.usedAt), gt(oauthAuthorizationCodes.expiresAt, new Date())))
      .returning({ codeHash: oauthAuthorizationCodes.codeHash });
    if (!claimed) {
      if (row.code.usedAt) await revokeDelegationFamily(tx, agentCallerOf(authenticated), row.code.delegationId, "authorization code replayed");
      return { error: "The authorization code was already used or has expired." };
    }
    // A wrong redirect URI or verifier spends the code (it may be an attacker's guess)
    // but leaves the delegation alone.
    if (row.code.redirectUri !== redirectUri) return { error: "redirect_uri does not match the authorization request." };
    if (s256(verifier) !== row.code.codeChallenge) return { error: "code_verifier does not match the code challenge." };
    return { tokens: await issueDelegatedTokens(tx, authenticated, row.code.delegationId) };
  });
  if ("tokens" in outcome) return outcome.tokens;
  throw new OAuthError("invalid_grant", outcome.error);
}
