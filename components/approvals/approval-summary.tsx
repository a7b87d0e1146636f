"use client";
// Who approved the request an action carried out, and why: the link between an
// action on the timeline and its approval.
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import type { PublicApproval } from "@/lib/approvals/public-approval";
import { apiFetch } from "@/lib/http/api-client";

export function ApprovalSummary({ id, agentId }: { id: string; agentId: string | null }) {
  const approval = useQuery({ queryKey: ["approvals", "one", id], queryFn: () => apiFetch<PublicApproval>(`/api/v1/approvals/${encodeURIComponent(id)}`), retry: false });
  if (approval.isPending) return <span className="text-muted">loading…</span>;
  if (!approval.data) return <span className="text-danger">names an approval Tourniquet does not know ({id})</span>;
  const { status, decidedBy, reason, expired } = approval.data;
  const valid = status === "approved" && approval.data.agent.id === agentId;
  return (
    <span data-testid="approval-link">
      <Badge tone={valid ? "ok" : "danger"}>{expired ? "expired" : status}</Badge> {decidedBy ? `by ${decidedBy}` : ""}
      {reason ? `: ${reason}` : ""}
      {approval.data.agent.id !== agentId ? " (another agent's request)" : ""}{" "}
      <Link href="/approvals" className="text-xs underline">
        approvals
      </Link>
    </span>
  );
}
