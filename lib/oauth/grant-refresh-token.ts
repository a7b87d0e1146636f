// refresh_token with rotation: each refresh token works once and is replaced. A token
// presented a second time means two parties hold it, so the whole family (the
// delegation) is revoked and both lose access (OAuth 2.1 §4.3.1).
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { oauthDelegations, oauthRefreshTokens } from "@/db/schema";
import { hashSecret, secretPrefixes } from "@/lib/credentials/secret";
import type { AuthenticatedClient } from "./authenticate-client";
import { agentCallerOf } from "./agent-caller";
import { issueDelegatedTokens } from "./issue-delegated-tokens";
import { OAuthError } from "./oauth-error";
import { required } from "./oauth-params";
import { revokeDelegationFamily } from "./revoke-delegation-family";
import type { GrantOutcome, TokenResponse } from "./token-response";

export async function grantRefreshToken(db: Db, authenticated: AuthenticatedClient, form: URLSearchParams): Promise<TokenResponse> {
  const presented = required(form, "refresh_token");
  if (!presented.startsWith(secretPrefixes.refreshToken)) throw new OAuthError("invalid_grant", "Unknown refresh token.");
  const hash = hashSecret(presented);
  const outcome = await db.transaction(async (tx): Promise<GrantOutcome> => {
    const [row] = await tx
      .select({ id: oauthRefreshTokens.id, delegationId: oauthRefreshTokens.delegationId, clientRowId: oauthDelegations.clientRowId })
      .from(oauthRefreshTokens)
      .innerJoin(oauthDelegations, eq(oauthDelegations.id, oauthRefreshTokens.delegationId))
      .where(eq(oauthRefreshTokens.tokenHash, hash));
    if (!row || row.clientRowId !== authenticated.client.id) return { error: "Unknown refresh token." };
    // Claiming the token is one conditional update, so two concurrent uses cannot both win.
    const [claimed] = await tx
      .update(oauthRefreshTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(oauthRefreshTokens.id, row.id), isNull(oauthRefreshTokens.usedAt), isNull(oauthRefreshTokens.revokedAt), gt(oauthRefreshTokens.expiresAt, new Date())))
      .returning({ id: oauthRefreshTokens.id });
    if (!claimed) {
      await revokeDelegationFamily(tx, agentCallerOf(authenticated), row.delegationId, "refresh token reused");
      return { error: "The refresh token was already used, revoked or expired; every token of its delegation is revoked." };
    }
    return { tokens: await issueDelegatedTokens(tx, authenticated, row.delegationId) };
  });
  if ("tokens" in outcome) return outcome.tokens;
  throw new OAuthError("invalid_grant", outcome.error);
}
