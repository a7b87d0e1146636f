// Client-side data for agents: hooks over /api/v1/agents that invalidate through
// the key factory and refresh the server-rendered parts of the page.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import type { RegisterExternalCredentialInput } from "@/lib/credentials/external-credential-fields";
import type { IssueTokenInput, IssuedToken } from "@/lib/credentials/issue-agent-token";
import type { PublicExternalCredential } from "@/lib/credentials/public-external-credential";
import type { PublicToken } from "@/lib/credentials/public-token";
import { apiFetch } from "@/lib/http/api-client";
import type { RegisterAgentInput, UpdateAgentInput } from "./agent-fields";
import type { PublicAgent } from "./public-agent";
import { agentKeys } from "./query-keys";

const base = (agentId: string) => `/api/v1/agents/${encodeURIComponent(agentId)}`;

export function useAgentTokensQuery(agentId: string, initialData?: PublicToken[]) {
  return useQuery({
    queryKey: agentKeys.tokens(agentId),
    queryFn: () => apiFetch<{ tokens: PublicToken[] }>(`${base(agentId)}/tokens`).then((reply) => reply.tokens),
    initialData,
  });
}

export function useExternalCredentialsQuery(agentId: string, initialData?: PublicExternalCredential[]) {
  return useQuery({
    queryKey: agentKeys.credentials(agentId),
    queryFn: () =>
      apiFetch<{ credentials: PublicExternalCredential[] }>(`${base(agentId)}/credentials`).then((reply) => reply.credentials),
    initialData,
  });
}

export function useAgentMutation<Input, Output>(agentId: string, request: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: request,
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: [...agentKeys.all, agentId] });
      router.refresh(); // live token counts and risk are rendered on the server
    },
  });
}

export const useIssueTokenMutation = (agentId: string) =>
  useAgentMutation(agentId, (input: IssueTokenInput) =>
    apiFetch<IssuedToken>(`${base(agentId)}/tokens`, { method: "POST", body: input }),
  );

export const useRevokeTokenMutation = (agentId: string) =>
  useAgentMutation(agentId, ({ tokenId, reason }: { tokenId: string; reason: string }) =>
    apiFetch<PublicToken>(`${base(agentId)}/tokens/${encodeURIComponent(tokenId)}/revoke`, { method: "POST", body: { reason } }),
  );

export const useRegisterCredentialMutation = (agentId: string) =>
  useAgentMutation(agentId, (input: Omit<RegisterExternalCredentialInput, "expiresAt"> & { expiresAt: string | null }) =>
    apiFetch<PublicExternalCredential>(`${base(agentId)}/credentials`, { method: "POST", body: input }),
  );

export const useMarkCredentialRevokedMutation = (agentId: string) =>
  useAgentMutation(agentId, ({ credentialId, reason }: { credentialId: string; reason: string }) =>
    apiFetch<PublicExternalCredential>(`${base(agentId)}/credentials/${encodeURIComponent(credentialId)}/revoke`, {
      method: "POST",
      body: { reason },
    }),
  );

export function useSaveAgentMutation(agentId?: string) {
  const router = useRouter();
  return useMutation({
    mutationFn: (input: RegisterAgentInput | UpdateAgentInput) =>
      agentId
        ? apiFetch<PublicAgent>(base(agentId), { method: "PATCH", body: input })
        : apiFetch<PublicAgent>("/api/v1/agents", { method: "POST", body: input }),
    onSuccess: (agent) => {
      router.push(`/agents/${agent.id}`);
      router.refresh();
    },
  });
}
