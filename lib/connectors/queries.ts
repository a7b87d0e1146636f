// Client-side data for connectors (admins' Settings page).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import type { CreateConnectorInput } from "./connector-fields";
import type { PublicConnector } from "./public-connector";

const key = ["connectors"] as const;

export const useConnectorsQuery = (initialData?: PublicConnector[]) =>
  useQuery({
    queryKey: key,
    queryFn: () => apiFetch<{ connectors: PublicConnector[] }>("/api/v1/connectors").then((reply) => reply.connectors),
    initialData,
  });

export function useCreateConnectorMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateConnectorInput) => apiFetch<PublicConnector & { secret: string }>("/api/v1/connectors", { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}

export function useDisableConnectorMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/v1/connectors/${encodeURIComponent(id)}/disable`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: key }),
  });
}
