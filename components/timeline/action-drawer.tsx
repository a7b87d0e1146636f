"use client";
// Every field of one action, and its raw attributes, beside the list.
import { ApprovalSummary } from "@/components/approvals/approval-summary";
import Link from "next/link";
import { useEffect, useRef } from "react";
import { ContainButton } from "@/components/containment/contain-button";
import { Button } from "@/components/ui/button";
import type { PublicAction } from "@/lib/actions/public-action";
import { formatUtc } from "@/lib/format-time";
import { KindBadge, OutcomeBadge, SensitivityBadge } from "./action-badges";

export function ActionDrawer({ action, onClose, canContain }: { action: PublicAction | null; onClose: () => void; canContain: boolean }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (action && !dialog.open) dialog.showModal();
    if (!action && dialog.open) dialog.close();
  }, [action]);

  const rows: [string, React.ReactNode][] = action
    ? [
        ["Occurred", `${formatUtc(action.occurredAt)} (${action.occurredAt})`],
        ["Received", action.receivedAt],
        [
          "Actor",
          action.actor.type === "agent" && action.agent ? (
            <Link href={`/agents/${action.agent}`} className="underline">
              {action.agentName ?? action.agent}
            </Link>
          ) : (
            `${action.actor.type}: ${action.actor.id}`
          ),
        ],
        ["Kind", <KindBadge key="kind" kind={action.kind} />],
        ["Outcome", <OutcomeBadge key="outcome" outcome={action.outcome} />],
        ["Tool", action.tool ?? "—"],
        [
          "Target",
          action.target ? (
            <span key="target">
              {action.target.type} <span className="font-mono">{action.target.id}</span>{" "}
              {action.target.sensitivity ? <SensitivityBadge sensitivity={action.target.sensitivity} /> : null}
              {action.target.uri ? <span className="block break-all font-mono text-xs text-muted">{action.target.uri}</span> : null}
            </span>
          ) : (
            "—"
          ),
        ],
        ["On behalf of", action.onBehalfOf ?? "—"],
        ["Credential", action.credential ?? "—"],
        ["Summary", action.summary || "—"],
        ["Approval", action.approvalId ? <ApprovalSummary key="approval" id={action.approvalId} agentId={action.agent} /> : "—"],
        ["After containment", action.afterContainment ? "yes: the agent was already contained" : action.receivedAfterContainment ? "received after it (dated before): the agent was already contained when it arrived" : "no"],
        ["Sender's id", <span key="id" className="break-all font-mono text-xs">{action.id}</span>],
        ["Trace / span", action.traceId ? <span key="trace" className="break-all font-mono text-xs">{action.traceId} / {action.spanId}</span> : "—"],
      ]
    : [];

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="action-drawer-title"
      className="fixed inset-y-0 right-0 left-auto m-0 h-dvh max-h-dvh w-[min(36rem,100vw)] max-w-none border-l border-border bg-surface p-0 text-fg shadow-xl backdrop:bg-black/40"
    >
      {action ? (
        <div className="flex h-full flex-col">
          <header className="flex items-center justify-between border-b border-border px-5 py-3">
            <h2 id="action-drawer-title" className="text-base font-semibold">
              Action #{action.seq}
            </h2>
            <div className="flex items-center gap-2">
              {canContain && action.agent ? (
                <ContainButton agent={{ id: action.agent, name: action.agentName ?? "this agent" }} size="sm" label="Contain agent" />
              ) : null}
              <Button size="sm" variant="secondary" onClick={onClose}>
                Close
              </Button>
            </div>
          </header>
          <div className="flex-1 overflow-y-auto px-5 py-4">
            <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-2 text-sm">
              {rows.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="text-muted">{label}</dt>
                  <dd className="min-w-0 break-words">{value}</dd>
                </div>
              ))}
            </dl>
            <h3 className="mb-2 mt-5 text-sm font-semibold">Attributes</h3>
            <pre tabIndex={0} className="overflow-x-auto rounded-md bg-surface-2 p-3 font-mono text-xs">
              {JSON.stringify(action.attributes ?? {}, null, 2)}
            </pre>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
