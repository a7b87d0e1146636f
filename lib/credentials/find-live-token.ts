// The one lookup behind every token check (introspection, the MCP gateway): a live
// token of an active agent, by the hash of the secret. Revoked, expired, an agent that
// is contained, suspended or retired, or a delegated token whose person can no longer
// sign in: nothing is found. One indexed read, no cache, so a containment committed a
// moment ago is seen by the very next check.
import { and, eq, gt, isNull, or } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentOauthClients, agentTokens, agents, oauthDelegations, users } from "@/db/schema";

export async function findLiveToken(db: Db, hash: string, now = new Date()) {
  const [hit] = await db
    .select({
      id: agentTokens.id,
      prefix: agentTokens.prefix,
      agentId: agentTokens.agentId,
      scopes: agentTokens.scopes,
      issuedAt: agentTokens.issuedAt,
      expiresAt: agentTokens.expiresAt,
      lastUsedAt: agentTokens.lastUsedAt,
      resource: agentTokens.resource,
      name: agents.name,
      owner: agents.owner,
      environment: agents.environment,
      actsAs: agents.actsAs,
      agentScopes: agents.scopes,
      status: agents.status,
      clientId: agentOauthClients.clientId,
      delegatedBy: users.id,
      delegatedByEmail: users.email,
    })
    .from(agentTokens)
    .innerJoin(agents, eq(agents.id, agentTokens.agentId))
    .leftJoin(agentOauthClients, eq(agentOauthClients.id, agentTokens.oauthClientId))
    .leftJoin(oauthDelegations, eq(oauthDelegations.id, agentTokens.delegationId))
    .leftJoin(users, eq(users.id, oauthDelegations.userId))
    .where(
      and(
        eq(agentTokens.tokenHash, hash),
        isNull(agentTokens.revokedAt),
        gt(agentTokens.expiresAt, now),
        eq(agents.status, "active"),
        // A delegated token lives only while the person who delegated may still sign in.
        or(isNull(agentTokens.delegationId), isNull(users.disabledAt)),
      ),
    );
  return hit ?? null;
}

export type LiveToken = NonNullable<Awaited<ReturnType<typeof findLiveToken>>>;
