// Client-side approvals: the queue (kept live by the shell's change stream) and answers.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "@/lib/http/api-client";
import type { ApprovalQueue } from "./list-approvals";
import type { PublicApproval } from "./public-approval";

export const approvalKeys = { all: ["approvals"] as const, queue: ["approvals", "queue"] as const };

export function useApprovalQueue(initialData?: ApprovalQueue) {
  return useQuery({
    queryKey: approvalKeys.queue,
    queryFn: () => apiFetch<ApprovalQueue>("/api/v1/approvals"),
    initialData,
    staleTime: 5_000,
    // Expiries happen without anyone changing anything: look again now and then.
    refetchInterval: 15_000,
  });
}

export function useDecideApproval(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { decision: "approve" | "deny"; reason: string }) =>
      apiFetch<PublicApproval>(`/api/v1/approvals/${encodeURIComponent(id)}/decision`, { method: "POST", body: input }),
    onSettled: () => client.invalidateQueries({ queryKey: approvalKeys.all }),
  });
}
