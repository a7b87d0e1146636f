// Client-side data for upstream MCP servers (admins' Settings page). Types only from the
// server modules; the browser never loads them.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import type { UpstreamTool } from "./list-upstream-tools";
import type { RegisterMcpServerInput, UpdateMcpServerInput } from "./mcp-server-fields";
import type { PublicMcpServer } from "./public-mcp-server";

export const mcpServerKeys = {
  all: ["mcp-servers"] as const,
  list: () => [...mcpServerKeys.all, "list"] as const,
  tools: (id: string) => [...mcpServerKeys.all, "tools", id] as const,
};

const path = (id: string) => `/api/v1/mcp-servers/${encodeURIComponent(id)}`;

export const useMcpServersQuery = (initialData?: PublicMcpServer[]) =>
  useQuery({
    queryKey: mcpServerKeys.list(),
    queryFn: () => apiFetch<{ mcpServers: PublicMcpServer[] }>("/api/v1/mcp-servers").then((reply) => reply.mcpServers),
    initialData,
  });

/** The upstream's tools/list, fetched through Tourniquet (it holds the credentials). Not retried: "unreachable" should show at once. */
export const useUpstreamToolsQuery = (id: string) =>
  useQuery({
    queryKey: mcpServerKeys.tools(id),
    queryFn: () => apiFetch<{ tools: UpstreamTool[] }>(`${path(id)}/tools`).then((reply) => reply.tools),
    retry: false,
    staleTime: 30_000,
  });

export function useRegisterMcpServerMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterMcpServerInput) => apiFetch<PublicMcpServer>("/api/v1/mcp-servers", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: mcpServerKeys.list() }),
  });
}

export function useUpdateMcpServerMutation(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateMcpServerInput) => apiFetch<PublicMcpServer>(path(id), { method: "PATCH", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: mcpServerKeys.all }),
  });
}

export function useDisableMcpServerMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: { id: string; reason: string }) => apiFetch<PublicMcpServer>(`${path(id)}/disable`, { method: "POST", body: { reason } }),
    onSuccess: () => client.invalidateQueries({ queryKey: mcpServerKeys.list() }),
  });
}
