// Client-side data for SSF receivers (admins' Settings page).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import type { PublicReceiver } from "./receivers";

const key = ["ssf-receivers"] as const;

export const useReceiversQuery = (initialData?: PublicReceiver[]) =>
  useQuery({
    queryKey: key,
    queryFn: () => apiFetch<{ receivers: PublicReceiver[] }>("/api/v1/ssf-receivers").then((reply) => reply.receivers),
    initialData,
  });

export function useCreateReceiverMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => apiFetch<PublicReceiver & { token: string }>("/api/v1/ssf-receivers", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useRevokeReceiverMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/ssf-receivers/${encodeURIComponent(id)}/revoke`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
