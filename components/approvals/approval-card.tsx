"use client";
// One pending request: what the agent wants to do, to what, for whom, how long it
// waits; approve or deny, always with a reason.
import { type FormEvent, useState } from "react";
import { Countdown } from "@/components/containment/countdown";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PublicApproval } from "@/lib/approvals/public-approval";
import { useDecideApproval } from "@/lib/approvals/queries";
import { formatAgo } from "@/lib/format-time";

export function ApprovalCard({ approval, canDecide }: { approval: PublicApproval; canDecide: boolean }) {
  const decide = useDecideApproval(approval.id);
  const [reason, setReason] = useState("");
  const tooShort = reason.trim().length < 3;
  const target = approval.action.target;

  function answer(decision: "approve" | "deny") {
    return (event?: FormEvent) => {
      event?.preventDefault();
      if (!tooShort) decide.mutate({ decision, reason: reason.trim() });
    };
  }

  return (
    <li className="py-4" data-testid="approval" data-approval-id={approval.id}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <p className="font-medium">
          {approval.agent.name ?? approval.agent.id} wants to <span className="font-mono text-sm">{approval.action.kind}</span>
          {approval.action.tool ? <span className="text-muted"> with {approval.action.tool}</span> : null}
        </p>
        <p className="text-xs text-muted">
          asked {formatAgo(approval.requestedAt)} · denied automatically in <Countdown until={approval.expiresAt} />
        </p>
      </div>
      <p className="mt-1 text-sm">{approval.action.summary}</p>
      <p className="mt-1 flex flex-wrap gap-2 text-xs text-muted">
        {target ? (
          <span>
            on {target.type} <span className="font-mono">{target.id}</span> {target.sensitivity ? <Badge tone={target.sensitivity === "restricted" ? "danger" : "neutral"}>{target.sensitivity}</Badge> : null}
          </span>
        ) : null}
        {approval.onBehalfOf ? <span>on behalf of {approval.onBehalfOf}</span> : <span>on its own behalf</span>}
        {approval.agent.owner ? <span>owner {approval.agent.owner}</span> : null}
      </p>
      {canDecide ? (
        <form onSubmit={answer("approve")} className="mt-3 flex flex-wrap items-end gap-2">
          <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
            <span className="font-medium">Reason (kept in the audit log, sent to the agent)</span>
            <input
              value={reason}
              onChange={(event) => setReason(event.target.value)}
              className="rounded-md border border-border bg-surface px-3 py-2"
              aria-label={`Reason for ${approval.agent.name ?? "the agent"}`}
            />
          </label>
          <Button type="submit" size="sm" disabled={tooShort || decide.isPending}>
            Approve
          </Button>
          <Button size="sm" variant="danger" disabled={tooShort || decide.isPending} onClick={() => answer("deny")()}>
            Deny
          </Button>
        </form>
      ) : (
        <p className="mt-2 text-xs text-muted">Only the agent&apos;s owner or a responder can answer.</p>
      )}
      {decide.error ? (
        <p role="alert" className="mt-1 text-sm text-danger">
          {decide.error.message}
        </p>
      ) : null}
    </li>
  );
}
