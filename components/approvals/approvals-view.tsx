"use client";
// The approvals queue, live: pending requests (oldest first, they have waited
// longest), then the latest answers.
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import type { ApprovalQueue } from "@/lib/approvals/list-approvals";
import { useApprovalQueue } from "@/lib/approvals/queries";
import { formatUtc } from "@/lib/format-time";
import { ApprovalCard } from "./approval-card";

export function ApprovalsView({ initial, canDecideAll, email }: { initial: ApprovalQueue; canDecideAll: boolean; email: string }) {
  const queue = useApprovalQueue(initial);
  const data = queue.data ?? initial;
  const mine = (owner: string | null) => owner?.trim().toLowerCase() === email.toLowerCase();
  return (
    <>
      <h2 className="mb-2 text-base font-semibold">Waiting for an answer ({data.pending.length})</h2>
      <Card className="mb-8 px-4">
        {data.pending.length ? (
          <ul className="divide-y divide-border">
            {data.pending.map((approval) => (
              <ApprovalCard key={approval.id} approval={approval} canDecide={canDecideAll || mine(approval.agent.owner)} />
            ))}
          </ul>
        ) : (
          <EmptyState title="Nothing waiting">Agents ask here before a high-risk action; unanswered requests are denied when they expire.</EmptyState>
        )}
      </Card>
      <h2 className="mb-2 text-base font-semibold">Answered</h2>
      <Card className="px-4">
        {data.answered.length ? (
          <ul className="divide-y divide-border text-sm">
            {data.answered.map((approval) => (
              <li key={approval.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2">
                <span>
                  <Badge tone={approval.status === "approved" ? "ok" : "danger"}>{approval.expired ? "expired (denied)" : approval.status}</Badge>{" "}
                  <span className="font-medium">{approval.agent.name}</span>: {approval.action.summary}
                </span>
                <span className="text-xs text-muted">
                  {approval.expired ? "nobody answered" : `${approval.decidedBy}: ${approval.reason}`} · {formatUtc(approval.decidedAt)}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No answers yet">Decisions appear here with who made them and why.</EmptyState>
        )}
      </Card>
    </>
  );
}
