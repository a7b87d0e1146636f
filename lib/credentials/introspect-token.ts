// RFC 7662 token introspection, the check every resource server makes on every
// request. One UPDATE finds a live token of an active agent and stamps its last use:
// a token that is revoked, expired, unknown, or whose agent is suspended or retired
// answers `{ active: false }` and nothing else.
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentTokens, agents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { describeForLog } from "@/lib/http/describe-for-log";
import { recordContainedTokenUse } from "@/lib/containment/record-contained-token-use";
import { hashSecret, secretPrefixes } from "./secret";

export type Introspection =
  | { active: false }
  | {
      active: true;
      scope: string;
      client_id: string;
      sub: string;
      exp: number;
      iat: number;
      jti: string;
      token_type: "Bearer";
      username: string;
      // Tourniquet's extensions, so a resource server can log who acted.
      agent_name: string;
      owner: string;
      environment: string;
      acts_as: string;
    };

// Stamping last-seen on the agent row at most this often keeps hot agents from
// turning every check into a contended write on one row.
const AGENT_SEEN_GRANULARITY = sql`interval '30 seconds'`;

export async function introspectToken(db: Db, caller: Caller, token: string): Promise<Introspection> {
  authorize(caller, "tokens:check");
  if (!token.startsWith(secretPrefixes.agentToken) || token.length > 200) return { active: false };

  const now = new Date();
  const hash = hashSecret(token);
  const [hit] = await db
    .update(agentTokens)
    .set({ lastUsedAt: now })
    .from(agents)
    .where(
      and(
        eq(agentTokens.tokenHash, hash),
        eq(agents.id, agentTokens.agentId),
        isNull(agentTokens.revokedAt),
        gt(agentTokens.expiresAt, now),
        eq(agents.status, "active"),
      ),
    )
    .returning({
      id: agentTokens.id,
      agentId: agentTokens.agentId,
      scopes: agentTokens.scopes,
      issuedAt: agentTokens.issuedAt,
      expiresAt: agentTokens.expiresAt,
      name: agents.name,
      owner: agents.owner,
      environment: agents.environment,
      actsAs: agents.actsAs,
    });
  if (!hit) {
    // The denial never depends on the record: a failure to note the attempt is logged, not answered.
    await recordContainedTokenUse(db, caller, hash).catch((error: unknown) =>
      console.error(`[introspect] could not record a contained token's use: ${describeForLog(error)}`),
    );
    return { active: false };
  }

  await db
    .update(agents)
    .set({ lastSeenAt: now })
    .where(and(eq(agents.id, hit.agentId), or(isNull(agents.lastSeenAt), lt(agents.lastSeenAt, sql`now() - ${AGENT_SEEN_GRANULARITY}`))));

  return {
    active: true,
    scope: hit.scopes.join(" "),
    client_id: hit.agentId,
    sub: hit.agentId,
    exp: Math.floor(hit.expiresAt.getTime() / 1000),
    iat: Math.floor(hit.issuedAt.getTime() / 1000),
    jti: hit.id,
    token_type: "Bearer",
    username: hit.name,
    agent_name: hit.name,
    owner: hit.owner,
    environment: hit.environment,
    acts_as: hit.actsAs,
  };
}
