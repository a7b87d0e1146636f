// A refresh token of a delegation, returned once and stored as a hash.
import type { Tx } from "@/db/client";
import { oauthRefreshTokens } from "@/db/schema";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { REFRESH_TOKEN_SECONDS } from "./token-lifetime";

export async function mintRefreshToken(tx: Tx, delegationId: string, agentId: string): Promise<string> {
  const minted = mintSecret(secretPrefixes.refreshToken);
  await tx.insert(oauthRefreshTokens).values({
    tokenHash: minted.hash,
    delegationId,
    agentId,
    expiresAt: new Date(Date.now() + REFRESH_TOKEN_SECONDS * 1000),
  });
  return minted.secret;
}
