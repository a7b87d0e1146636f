// client_credentials: the agent acts as itself, with at most its own scopes. The agent
// row is share-locked, so a kill switch committing at the same moment wins: either this
// token exists before the containment (and is revoked by it) or it is never issued.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents } from "@/db/schema";
import { mintAgentToken } from "@/lib/credentials/mint-agent-token";
import { type AuthenticatedClient, refusalFor } from "./authenticate-client";
import { agentCallerOf } from "./agent-caller";
import { OAuthError } from "./oauth-error";
import { grantedScopes, resourceIndicator, single } from "./oauth-params";
import { accessTokenLifetime } from "./token-lifetime";
import { type TokenResponse, tokenResponse } from "./token-response";

export async function grantClientCredentials(db: Db, authenticated: AuthenticatedClient, form: URLSearchParams): Promise<TokenResponse> {
  const { client, agent } = authenticated;
  const scopes = grantedScopes(single(form, "scope"), agent.scopes, agent.name);
  const resource = resourceIndicator(form);
  const lifetime = accessTokenLifetime(agent.accessTokenLifetimeSeconds);
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ status: agents.status }).from(agents).where(eq(agents.id, agent.id)).for("share");
    const refusal = refusalFor({ ...agent, status: current?.status ?? "retired" });
    if (refusal) throw new OAuthError("invalid_client", refusal);
    const issued = await mintAgentToken(tx, agentCallerOf(authenticated), agent.id, scopes, lifetime, { oauthClientId: client.id, resource });
    return tokenResponse(issued, lifetime);
  });
}
