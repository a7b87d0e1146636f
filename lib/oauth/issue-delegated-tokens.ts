// The access and refresh token pair of a delegation, once its agent and person are
// still allowed: the agent active (share-locked against a kill switch), the person
// enabled, the delegation live.
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agents, oauthDelegations, users } from "@/db/schema";
import { mintAgentToken } from "@/lib/credentials/mint-agent-token";
import { type AuthenticatedClient, refusalFor } from "./authenticate-client";
import { agentCallerOf } from "./agent-caller";
import { mintRefreshToken } from "./mint-refresh-token";
import { OAuthError } from "./oauth-error";
import { accessTokenLifetime } from "./token-lifetime";
import { type TokenResponse, tokenResponse } from "./token-response";

export async function issueDelegatedTokens(tx: Tx, authenticated: AuthenticatedClient, delegationId: string): Promise<TokenResponse> {
  const { agent, client } = authenticated;
  const [current] = await tx.select({ status: agents.status }).from(agents).where(eq(agents.id, agent.id)).for("share");
  const refusal = refusalFor({ ...agent, status: current?.status ?? "retired" });
  if (refusal) throw new OAuthError("invalid_grant", refusal);
  const [delegation] = await tx
    .select({ scopes: oauthDelegations.scopes, resource: oauthDelegations.resource, revokedAt: oauthDelegations.revokedAt, disabled: users.disabledAt })
    .from(oauthDelegations)
    .innerJoin(users, eq(users.id, oauthDelegations.userId))
    .where(and(eq(oauthDelegations.id, delegationId), eq(oauthDelegations.clientRowId, client.id)));
  if (!delegation || delegation.revokedAt) throw new OAuthError("invalid_grant", "The delegation was revoked.");
  if (delegation.disabled) throw new OAuthError("invalid_grant", "The person who delegated is disabled.");
  const lifetime = accessTokenLifetime(agent.accessTokenLifetimeSeconds);
  const issued = await mintAgentToken(tx, agentCallerOf(authenticated), agent.id, delegation.scopes, lifetime, {
    oauthClientId: client.id,
    resource: delegation.resource,
    delegationId,
  });
  return tokenResponse(issued, lifetime, await mintRefreshToken(tx, delegationId, agent.id));
}
