// Client-side rules: the list (kept live by the change stream) and an admin's change.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import type { PublicRule } from "./public-rule";

export const ruleKeys = { all: ["rules"] as const };

export function useRules(initialData: PublicRule[]) {
  return useQuery({ queryKey: ruleKeys.all, queryFn: async () => (await apiFetch<{ rules: PublicRule[] }>("/api/v1/rules")).rules, initialData, staleTime: 10_000 });
}

export function useUpdateRule(key: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: Record<string, unknown>) => apiFetch<PublicRule>(`/api/v1/rules/${encodeURIComponent(key)}`, { method: "PATCH", body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ruleKeys.all }),
  });
}
