// What the API and the console show of an OAuth client: never its secret's hash.
import type { AgentOauthClient } from "@/db/schema";

export interface PublicOauthClient {
  id: string;
  agentId: string;
  clientId: string;
  name: string;
  authMethod: AgentOauthClient["authMethod"];
  jwksUri: string | null;
  hasJwks: boolean;
  redirectUris: string[];
  createdAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

export function toPublicOauthClient(client: AgentOauthClient): PublicOauthClient {
  return {
    id: client.id,
    agentId: client.agentId,
    clientId: client.clientId,
    name: client.name,
    authMethod: client.authMethod,
    jwksUri: client.jwksUri,
    hasJwks: Boolean(client.jwks),
    redirectUris: client.redirectUris,
    createdAt: client.createdAt.toISOString(),
    revokedAt: client.revokedAt?.toISOString() ?? null,
    revokeReason: client.revokeReason,
  };
}
