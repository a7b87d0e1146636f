// Who is calling through the gateway: a live token of an active agent, checked as
// introspection checks it (lib/credentials/introspect-token.ts), every call, with no
// cache, so a containment committed a moment ago refuses the very next call. Tokens
// from the OAuth server are agent tokens too; one bound to a resource (RFC 8707) is
// good only for that resource, here this gateway path.
import type { Db } from "@/db/client";
import { type AgentCaller, type RequestOrigin, systemCaller } from "@/lib/auth/caller";
import { recordContainedTokenUse } from "@/lib/containment/record-contained-token-use";
import { findLiveToken } from "@/lib/credentials/find-live-token";
import { hashSecret, secretPrefixes } from "@/lib/credentials/secret";
import { describeForLog } from "@/lib/http/describe-for-log";
import type { AgentFacts } from "@/lib/rules/catalog";

export interface GatewayAgent {
  caller: AgentCaller;
  facts: AgentFacts;
  /** The person a delegated (authorization-code) token acts for. */
  onBehalfOf: string | null;
  credential: string;
}

export async function authenticateGatewayAgent(db: Db, authorization: string | null, resource: string, origin: RequestOrigin = {}): Promise<GatewayAgent | null> {
  if (!authorization || !/^bearer\s/i.test(authorization)) return null;
  const token = authorization.slice(7).trim();
  if (!token.startsWith(secretPrefixes.agentToken) || token.length > 200) return null;
  const hash = hashSecret(token);
  const hit = await findLiveToken(db, hash);
  if (!hit || (hit.resource !== null && hit.resource !== resource)) {
    // A contained agent still knocking shows on its timeline (use-after-containment).
    if (!hit) {
      await recordContainedTokenUse(db, systemCaller(`mcp-gateway ${resource}`), hash).catch((error: unknown) =>
        console.error(`[mcp-gateway] could not record a contained token's use: ${describeForLog(error)}`),
      );
    }
    return null;
  }
  return {
    caller: { type: "agent", id: hit.agentId, name: hit.name, tokenId: hit.id, scopes: hit.scopes, ...origin },
    facts: { id: hit.agentId, name: hit.name, scopes: hit.agentScopes, environment: hit.environment, status: hit.status },
    onBehalfOf: hit.delegatedByEmail ?? null,
    credential: `${hit.prefix}…`,
  };
}
