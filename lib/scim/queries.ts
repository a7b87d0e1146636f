// Client-side data for SCIM tokens (admins' Settings page).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import type { PublicScimToken } from "./public-scim-token";

const scimTokenKeys = ["scim-tokens"] as const;

export const useScimTokensQuery = (initialData?: PublicScimToken[]) =>
  useQuery({
    queryKey: scimTokenKeys,
    queryFn: () => apiFetch<{ scimTokens: PublicScimToken[] }>("/api/v1/scim-tokens").then((reply) => reply.scimTokens),
    initialData,
  });

function useScimTokenMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSettled: () => queryClient.invalidateQueries({ queryKey: scimTokenKeys }) });
}

export const useCreateScimTokenMutation = () =>
  useScimTokenMutation((input: { name: string }) => apiFetch<PublicScimToken & { token: string }>("/api/v1/scim-tokens", { method: "POST", body: input }));

export const useRevokeScimTokenMutation = () =>
  useScimTokenMutation((id: string) => apiFetch(`/api/v1/scim-tokens/${encodeURIComponent(id)}/revoke`, { method: "POST" }));
