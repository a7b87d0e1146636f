// Client-side containment: the status of one agent, and the contain / restore actions.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { agentKeys } from "@/lib/agents/query-keys";
import type { IssuedToken } from "@/lib/credentials/mint-agent-token";
import { apiFetch } from "@/lib/http/api-client";
import type { ContainResult } from "./contain-agent";
import type { ContainmentStatus } from "./get-containment-status";
import type { PublicContainment } from "./public-containment";

export const containmentKey = (agentId: string) => [...agentKeys.all, agentId, "containment"] as const;
const base = (agentId: string) => `/api/v1/agents/${encodeURIComponent(agentId)}`;

export function useContainmentStatus(agentId: string, options: { enabled?: boolean; initialData?: ContainmentStatus } = {}) {
  return useQuery({
    queryKey: containmentKey(agentId),
    queryFn: () => apiFetch<ContainmentStatus>(`${base(agentId)}/containment`),
    enabled: options.enabled ?? true,
    initialData: options.initialData,
    // Deliveries move on their own while the outbox retries.
    refetchInterval: (query) => (query.state.data?.deliveries.some((delivery) => delivery.status === "pending" || delivery.status === "retrying") ? 2000 : false),
  });
}

/**
 * After a containment or a restore every view of the agent follows at once: its own
 * queries, the alerts that name it (their rows say live or contained), the incidents
 * it is in, and the server-rendered parts of the page.
 */
function useAfterChange(agentId: string) {
  const client = useQueryClient();
  const router = useRouter();
  return async () => {
    await Promise.all([
      client.invalidateQueries({ queryKey: [...agentKeys.all, agentId] }),
      client.invalidateQueries({ queryKey: ["alerts"] }),
      client.invalidateQueries({ queryKey: ["incidents"] }),
    ]);
    router.refresh();
  };
}

export function useContainMutation(agentId: string) {
  const refresh = useAfterChange(agentId);
  return useMutation({
    mutationFn: (input: { reason: string; incidentId?: string }) =>
      apiFetch<ContainResult>(`${base(agentId)}/contain`, { method: "POST", body: input }),
    onSuccess: refresh,
  });
}

/**
 * Restoring answers with a fresh token shown once, so the page is refreshed only when
 * the person closes that dialog (call `refresh`), not on success: a refresh would
 * re-render the page without the button that holds the token.
 */
export function useRestoreMutation(agentId: string) {
  const refresh = useAfterChange(agentId);
  const mutation = useMutation({
    mutationFn: (input: { reason: string }) =>
      apiFetch<{ containment: PublicContainment; token: IssuedToken }>(`${base(agentId)}/restore`, { method: "POST", body: input }),
  });
  return { ...mutation, refresh };
}

export function useBulkContainMutation() {
  const client = useQueryClient();
  const router = useRouter();
  return useMutation({
    mutationFn: (input: { reason: string; owner?: string; team?: string; all?: true; confirm?: string }) =>
      apiFetch<{ contained: number; alreadyContained: number }>("/api/v1/agents/contain", { method: "POST", body: input }),
    onSuccess: async () => {
      await Promise.all([client.invalidateQueries({ queryKey: agentKeys.all }), client.invalidateQueries({ queryKey: ["alerts"] })]);
      router.refresh();
    },
  });
}
