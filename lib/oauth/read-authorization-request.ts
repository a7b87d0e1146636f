// Checks an authorization request (RFC 6749 §4.1.1 with PKCE, RFC 8707 resource) for the
// consent page. Until the client and its redirect URI are known to match, a problem is
// shown to the person and never redirected (RFC 6749 §4.1.2.1); after that, it goes back
// to the client as an error redirect.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentOauthClients, agents } from "@/db/schema";
import type { UserCaller } from "@/lib/auth/caller";
import { delegableScopes } from "./delegable-scopes";
import { refusalFor } from "./authenticate-client";
import { oauthIssuer } from "./issuer";
import { OAuthError } from "./oauth-error";
import { grantedScopes, resourceIndicator, single } from "./oauth-params";

export interface AuthorizationRequest {
  clientRowId: string;
  clientId: string;
  agent: { id: string; name: string; owner: string; risk: string; riskReasons: string[]; description: string };
  redirectUri: string;
  state: string | null;
  codeChallenge: string;
  scopes: string[];
  resource: string | null;
}

export type CheckedAuthorization =
  | { kind: "ok"; request: AuthorizationRequest }
  | { kind: "show"; message: string }
  | { kind: "redirect"; to: string };

export function redirectWith(redirectUri: string, values: Record<string, string | null>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(values)) if (value !== null) url.searchParams.set(name, value);
  url.searchParams.set("iss", oauthIssuer()); // RFC 9207: which server answered
  return url.toString();
}

export async function readAuthorizationRequest(db: Db, caller: UserCaller, params: URLSearchParams): Promise<CheckedAuthorization> {
  let clientId: string | null;
  let asked: string | null;
  try {
    clientId = single(params, "client_id");
    asked = single(params, "redirect_uri");
  } catch (error) {
    return { kind: "show", message: (error as Error).message };
  }
  if (!clientId) return { kind: "show", message: "The request names no client (client_id)." };
  const [row] = await db
    .select({ client: agentOauthClients, agent: agents })
    .from(agentOauthClients)
    .innerJoin(agents, eq(agents.id, agentOauthClients.agentId))
    .where(eq(agentOauthClients.clientId, clientId));
  if (!row || row.client.revokedAt) return { kind: "show", message: "This client is unknown or was revoked." };
  const redirectUri = asked ?? (row.client.redirectUris.length === 1 ? (row.client.redirectUris[0] ?? null) : null);
  if (!redirectUri || !row.client.redirectUris.includes(redirectUri)) {
    return { kind: "show", message: "The redirect URI is not one registered for this client; nothing was sent back." };
  }

  let state: string | null = null;
  const fail = (error: string, description: string): CheckedAuthorization => ({
    kind: "redirect",
    to: redirectWith(redirectUri, { error, error_description: description, state }),
  });
  try {
    state = single(params, "state");
    if (single(params, "response_type") !== "code") return fail("unsupported_response_type", "Only response_type=code is supported.");
    const codeChallenge = single(params, "code_challenge");
    if (!codeChallenge || !/^[A-Za-z0-9_-]{43}$/.test(codeChallenge)) return fail("invalid_request", "A PKCE code_challenge (S256) is required.");
    if (single(params, "code_challenge_method") !== "S256") return fail("invalid_request", "code_challenge_method must be S256.");
    const refusal = refusalFor(row.agent);
    if (refusal) return fail("access_denied", refusal);
    const allowed = delegableScopes(caller.role, row.agent.scopes);
    const scopes = grantedScopes(single(params, "scope"), allowed, `${row.agent.name} (for your role)`);
    if (scopes.length === 0) return fail("invalid_scope", "Your role allows delegating none of this agent's scopes.");
    const { agent } = row;
    return {
      kind: "ok",
      request: {
        clientRowId: row.client.id,
        clientId,
        agent: { id: agent.id, name: agent.name, owner: agent.owner, risk: agent.risk, riskReasons: agent.riskReasons, description: agent.description },
        redirectUri,
        state,
        codeChallenge,
        scopes,
        resource: resourceIndicator(params),
      },
    };
  } catch (error) {
    if (error instanceof OAuthError) return fail(error.error, error.description);
    throw error;
  }
}
