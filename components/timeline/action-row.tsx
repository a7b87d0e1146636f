"use client";
// One action on the timeline. Restricted data, denials and permission changes stand
// out by the colour of the left edge; a click or Enter opens the detail drawer.
import { clsx } from "clsx";
import type { PublicAction } from "@/lib/actions/public-action";
import { KindBadge, OutcomeBadge, SensitivityBadge } from "./action-badges";

function rowTone(action: PublicAction): string {
  if (action.afterContainment || action.receivedAfterContainment) return "border-l-danger";
  if (action.target?.sensitivity === "restricted") return "border-l-danger bg-danger-bg/30";
  if (action.outcome === "denied" || action.outcome === "error") return "border-l-warn";
  if (action.kind === "permission_change") return "border-l-info bg-info-bg/30";
  return "border-l-transparent";
}

export function ActionRow({ action, showAgent, onOpen }: { action: PublicAction; showAgent: boolean; onOpen: (action: PublicAction) => void }) {
  const time = action.occurredAt;
  const actor =
    action.actor.type === "human" ? (
      <>
        <svg aria-label="person" viewBox="0 0 16 16" className="mr-1 inline size-3.5 align-[-2px] text-muted" fill="currentColor">
          <circle cx="8" cy="5" r="3" />
          <path d="M2 15c0-3.3 2.7-5 6-5s6 1.7 6 5z" />
        </svg>
        {action.actor.id}
      </>
    ) : (
      (action.agentName ?? "unknown agent")
    );
  const containment = action.afterContainment ? "after containment" : action.receivedAfterContainment ? "received after containment" : null;
  return (
    <button
      type="button"
      onClick={() => onOpen(action)}
      data-seq={action.seq}
      className={clsx(
        "flex h-full w-full items-center gap-2 border-b border-l-4 border-b-border px-2 text-left text-sm hover:bg-surface-2 sm:gap-3 sm:px-3",
        rowTone(action),
      )}
    >
      <span className="w-16 shrink-0 font-mono text-xs text-muted sm:w-20" title={time}>
        {time.slice(11, 19)}
        <span className="block">{time.slice(5, 10)}</span>
      </span>
      {/* On a phone the actor moves under the summary, so the row fits 390 px. */}
      {showAgent ? <span className="hidden w-40 shrink-0 truncate font-medium sm:block">{actor}</span> : null}
      <span className="hidden w-32 shrink-0 md:block">
        <KindBadge kind={action.kind} />
      </span>
      <span className="min-w-0 flex-1">
        <span className="block truncate">{action.summary || action.tool || action.kind}</span>
        <span className="block truncate text-xs text-muted">
          {showAgent ? <span className="font-medium text-fg sm:hidden">{actor} · </span> : null}
          {action.tool ? `${action.tool} · ` : ""}
          {action.target ? `${action.target.type} ${action.target.id}` : "no target"}
          {action.onBehalfOf ? ` · for ${action.onBehalfOf}` : ""}
        </span>
      </span>
      <span className="flex shrink-0 flex-col items-end gap-1 sm:flex-row sm:items-center sm:gap-1.5">
        {action.approvalId ? <span className="hidden rounded bg-ok-bg px-1.5 py-0.5 text-xs font-medium text-ok sm:inline">approval</span> : null}
        {containment ? (
          <span className="rounded bg-danger px-1.5 py-0.5 text-xs font-medium text-accent-fg">
            <span className="hidden sm:inline">{containment}</span>
            <span className="sm:hidden">{containment === "after containment" ? "after" : "received after"}</span>
          </span>
        ) : null}
        {action.target?.sensitivity && action.target.sensitivity !== "internal" ? (
          <span className="hidden sm:inline">
            <SensitivityBadge sensitivity={action.target.sensitivity} />
          </span>
        ) : null}
        <OutcomeBadge outcome={action.outcome} />
      </span>
    </button>
  );
}
