// Client-side data for API keys and resource servers (admins' Settings page).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import type { CreateApiKeyInput, CreateIngestKeyInput, CreateResourceServerInput } from "./key-fields";
import type { PublicApiKey, PublicIngestKey, PublicResourceServer } from "./public-keys";

export const keyKeys = {
  apiKeys: ["api-keys"] as const,
  resourceServers: ["resource-servers"] as const,
  ingestKeys: ["ingest-keys"] as const,
};

export const useIngestKeysQuery = (initialData?: PublicIngestKey[]) =>
  useQuery({
    queryKey: keyKeys.ingestKeys,
    queryFn: () => apiFetch<{ ingestKeys: PublicIngestKey[] }>("/api/v1/ingest-keys").then((reply) => reply.ingestKeys),
    initialData,
  });

export const useCreateIngestKeyMutation = () =>
  useKeyMutation(keyKeys.ingestKeys, (input: CreateIngestKeyInput) =>
    apiFetch<PublicIngestKey & { key: string }>("/api/v1/ingest-keys", { method: "POST", body: input }),
  );

export const useRevokeIngestKeyMutation = () =>
  useKeyMutation(keyKeys.ingestKeys, (id: string) => apiFetch(`/api/v1/ingest-keys/${encodeURIComponent(id)}/revoke`, { method: "POST" }));

export const useApiKeysQuery = (initialData?: PublicApiKey[]) =>
  useQuery({
    queryKey: keyKeys.apiKeys,
    queryFn: () => apiFetch<{ apiKeys: PublicApiKey[] }>("/api/v1/api-keys").then((reply) => reply.apiKeys),
    initialData,
  });

export const useResourceServersQuery = (initialData?: PublicResourceServer[]) =>
  useQuery({
    queryKey: keyKeys.resourceServers,
    queryFn: () =>
      apiFetch<{ resourceServers: PublicResourceServer[] }>("/api/v1/resource-servers").then((reply) => reply.resourceServers),
    initialData,
  });

function useKeyMutation<Input, Output>(key: readonly string[], request: (input: Input) => Promise<Output>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => client.invalidateQueries({ queryKey: key }) });
}

export const useCreateApiKeyMutation = () =>
  useKeyMutation(keyKeys.apiKeys, (input: CreateApiKeyInput) =>
    apiFetch<PublicApiKey & { key: string }>("/api/v1/api-keys", { method: "POST", body: input }),
  );

export const useCreateResourceServerMutation = () =>
  useKeyMutation(keyKeys.resourceServers, (input: CreateResourceServerInput) =>
    apiFetch<PublicResourceServer & { clientSecret: string }>("/api/v1/resource-servers", { method: "POST", body: input }),
  );

export const useRevokeApiKeyMutation = () =>
  useKeyMutation(keyKeys.apiKeys, (id: string) => apiFetch(`/api/v1/api-keys/${encodeURIComponent(id)}/revoke`, { method: "POST" }));

export const useRevokeResourceServerMutation = () =>
  useKeyMutation(keyKeys.resourceServers, (id: string) =>
    apiFetch(`/api/v1/resource-servers/${encodeURIComponent(id)}/revoke`, { method: "POST" }),
  );
