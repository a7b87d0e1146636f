// The browser's side of an agent's OAuth clients (components/agents/oauth-clients-panel.tsx).
import { useQuery } from "@tanstack/react-query";
import { useAgentMutation } from "@/lib/agents/queries";
import { agentKeys } from "@/lib/agents/query-keys";
import { apiFetch } from "@/lib/http/api-client";
import type { CreatedOauthClient } from "./create-oauth-client";
import type { PublicOauthClient } from "./public-oauth-client";

const base = (agentId: string) => `/api/v1/agents/${encodeURIComponent(agentId)}/oauth-clients`;

export interface NewOauthClient {
  name?: string;
  authMethod: PublicOauthClient["authMethod"];
  redirectUris?: string[];
  jwksUri?: string;
  jwks?: { keys: Record<string, unknown>[] };
}

export function useOauthClientsQuery(agentId: string, initialData?: PublicOauthClient[]) {
  return useQuery({
    queryKey: agentKeys.oauthClients(agentId),
    queryFn: () => apiFetch<{ clients: PublicOauthClient[] }>(base(agentId)).then((reply) => reply.clients),
    initialData,
  });
}

export const useCreateOauthClientMutation = (agentId: string) =>
  useAgentMutation(agentId, (input: NewOauthClient) => apiFetch<CreatedOauthClient>(base(agentId), { method: "POST", body: input }));

export const useRevokeOauthClientMutation = (agentId: string) =>
  useAgentMutation(agentId, ({ clientId, reason }: { clientId: string; reason: string }) =>
    apiFetch<PublicOauthClient>(`${base(agentId)}/${encodeURIComponent(clientId)}/revoke`, { method: "POST", body: { reason } }),
  );
