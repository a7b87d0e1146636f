// Client-side incident actions: declare, change, note, pin, contain all.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { apiFetch } from "@/lib/http/api-client";
import type { PublicIncident } from "./public-incident";

const base = (id: string) => `/api/v1/incidents/${encodeURIComponent(id)}`;

export function useDeclareIncidentMutation() {
  const router = useRouter();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => apiFetch<PublicIncident>("/api/v1/incidents", { method: "POST", body: input }),
    onSuccess: (incident) => router.push(`/incidents/${incident.id}`),
  });
}

/** Any change on the incident page; the page is server-rendered, so it refreshes after. */
export function useIncidentMutation<Input>(incidentId: string, path: string, method = "POST") {
  const router = useRouter();
  return useMutation({
    mutationFn: (input: Input) => apiFetch(`${base(incidentId)}${path}`, { method, body: input }),
    onSuccess: () => router.refresh(),
  });
}
