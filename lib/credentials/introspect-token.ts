// RFC 7662 token introspection, the check every resource server makes on every
// request. One indexed read (find-live-token.ts) finds a live token of an active agent: a token that is
// revoked, expired, unknown, or whose agent is suspended or retired answers
// `{ active: false }` and nothing else. The kill switch commits the suspension and the
// revocations before it returns, so every check that starts after it says no.
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { oauthIssuer } from "@/lib/oauth/issuer";
import type { Db } from "@/db/client";
import { agentTokens, agents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { describeForLog } from "@/lib/http/describe-for-log";
import { recordContainedTokenUse } from "@/lib/containment/record-contained-token-use";
import { findLiveToken } from "./find-live-token";
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
      iss: string;
      nbf: number;
      /** RFC 8707: the resource the token is bound to, when it is. */
      aud?: string;
      /** RFC 8693: on a delegated token, the agent acting for the person in `sub`. */
      act?: { sub: string; client_id: string };
      // Tourniquet's extensions, so a resource server can log who acted.
      agent_name: string;
      owner: string;
      environment: string;
      acts_as: string;
    };

// Stamping last use (token) and last seen (agent) at most this often keeps hot agents
// from turning every check into a write.
const LAST_USE_GRANULARITY_MS = 30_000;

export async function introspectToken(db: Db, caller: Caller, token: string): Promise<Introspection> {
  authorize(caller, "tokens:check");
  if (!token.startsWith(secretPrefixes.agentToken) || token.length > 200) return { active: false };

  const now = new Date();
  const hash = hashSecret(token);
  const hit = await findLiveToken(db, hash, now);
  if (!hit) {
    // The denial never depends on the record: a failure to note the attempt is logged, not answered.
    await recordContainedTokenUse(db, caller, hash).catch((error: unknown) =>
      console.error(`[introspect] could not record a contained token's use: ${describeForLog(error)}`),
    );
    return { active: false };
  }

  // Last use to the half minute is enough: a check that stamps nothing is a read only,
  // so resource servers checking on every request never queue behind one another.
  if (!hit.lastUsedAt || now.getTime() - hit.lastUsedAt.getTime() > LAST_USE_GRANULARITY_MS) {
    await db.update(agentTokens).set({ lastUsedAt: now }).where(eq(agentTokens.id, hit.id));
    await db
      .update(agents)
      .set({ lastSeenAt: now })
      .where(and(eq(agents.id, hit.agentId), or(isNull(agents.lastSeenAt), lt(agents.lastSeenAt, now))));
  }

  const clientId = hit.clientId ?? hit.agentId;
  const issuedAt = Math.floor(hit.issuedAt.getTime() / 1000);
  return {
    active: true,
    scope: hit.scopes.join(" "),
    client_id: clientId,
    // A delegated token's subject is the person; the agent is the actor (RFC 8693 §4.1).
    sub: hit.delegatedBy ?? hit.agentId,
    exp: Math.floor(hit.expiresAt.getTime() / 1000),
    iat: issuedAt,
    nbf: issuedAt,
    iss: oauthIssuer(),
    ...(hit.resource ? { aud: hit.resource } : {}),
    ...(hit.delegatedBy ? { act: { sub: hit.agentId, client_id: clientId } } : {}),
    jti: hit.id,
    token_type: "Bearer",
    username: hit.delegatedByEmail ?? hit.name,
    agent_name: hit.name,
    owner: hit.owner,
    environment: hit.environment,
    acts_as: hit.actsAs,
  };
}
