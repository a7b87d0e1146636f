// Client-side alerts: the list (kept live by the shell's change stream) and the
// responder's answers to an alert.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import type { PublicIncident } from "@/lib/incidents/public-incident";
import type { AlertDetail } from "./get-alert";
import type { AlertList } from "./list-alerts";

export const alertKeys = {
  all: ["alerts"] as const,
  list: (query: string) => ["alerts", "list", query] as const,
  detail: (id: string) => ["alerts", "detail", id] as const,
};

export function useAlerts(query: string, initialData?: AlertList) {
  return useQuery({ queryKey: alertKeys.list(query), queryFn: () => apiFetch<AlertList>(`/api/v1/alerts?${query}`), initialData, staleTime: 5_000 });
}

export function useAlert(id: string, enabled: boolean) {
  return useQuery({ queryKey: alertKeys.detail(id), queryFn: () => apiFetch<AlertDetail>(`/api/v1/alerts/${encodeURIComponent(id)}`), enabled });
}

export function useAlertMutation<Input>(id: string, path: "acknowledge" | "dismiss") {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => apiFetch<AlertDetail>(`/api/v1/alerts/${encodeURIComponent(id)}/${path}`, { method: "POST", body: input ?? {} }),
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}

/** Acknowledges several alerts (a case's open ones); each is its own audited change. */
export function useAcknowledgeAlerts() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (ids: string[]) =>
      Promise.all(ids.map((id) => apiFetch<AlertDetail>(`/api/v1/alerts/${encodeURIComponent(id)}/acknowledge`, { method: "POST", body: {} }))),
    onSettled: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}

export function useDeclareFromAlert(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { title?: string; severity?: string; summary?: string }) =>
      apiFetch<PublicIncident>(`/api/v1/alerts/${encodeURIComponent(id)}/incident`, { method: "POST", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: alertKeys.all }),
  });
}
