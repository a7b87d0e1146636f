"use client";
// The timeline rows, virtualized: only what is on screen is in the DOM, so 100,000
// loaded actions scroll like 100. Restricted data, denials and permission changes
// stand out; Enter or a click opens the detail drawer.
import { useVirtualizer } from "@tanstack/react-virtual";
import { clsx } from "clsx";
import { useEffect, useRef } from "react";
import type { PublicAction } from "@/lib/actions/public-action";
import { KindBadge, OutcomeBadge, SensitivityBadge } from "./action-badges";

const ROW_HEIGHT = 56;

interface Props {
  actions: PublicAction[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (action: PublicAction) => void;
  showAgent: boolean;
  height: string;
}

function rowTone(action: PublicAction): string {
  if (action.afterContainment || action.receivedAfterContainment) return "border-l-danger";
  if (action.target?.sensitivity === "restricted") return "border-l-danger bg-danger-bg/30";
  if (action.outcome === "denied" || action.outcome === "error") return "border-l-warn";
  if (action.kind === "permission_change") return "border-l-info bg-info-bg/30";
  return "border-l-transparent";
}

export function ActionList({ actions, hasMore, loadingMore, onLoadMore, onOpen, showAgent, height }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: actions.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => actions[index]?.seq ?? index,
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && last >= actions.length - 20) onLoadMore();
  }, [last, actions.length, hasMore, loadingMore, onLoadMore]);

  return (
    <div
      ref={scroller}
      className="overflow-y-auto rounded-lg border border-border bg-surface"
      style={{ height }}
      role="list"
      aria-label="Actions, newest first"
      data-testid="action-list"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
        {items.map((item) => {
          const action = actions[item.index];
          if (!action) return null;
          const time = action.occurredAt;
          return (
            <div
              key={item.key}
              role="listitem"
              className="absolute inset-x-0"
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              <button
                type="button"
                onClick={() => onOpen(action)}
                data-seq={action.seq}
                className={clsx(
                  "flex h-full w-full items-center gap-3 border-b border-l-4 border-b-border px-3 text-left text-sm hover:bg-surface-2",
                  rowTone(action),
                )}
              >
                <span className="w-20 shrink-0 font-mono text-xs text-muted" title={time}>
                  {time.slice(11, 19)}
                  <span className="block">{time.slice(5, 10)}</span>
                </span>
                {showAgent ? (
                  <span className="w-40 shrink-0 truncate font-medium">
                    {action.actor.type === "human" ? (
                      <>
                        <svg aria-label="person" viewBox="0 0 16 16" className="mr-1 inline size-3.5 align-[-2px] text-muted" fill="currentColor">
                          <circle cx="8" cy="5" r="3" />
                          <path d="M2 15c0-3.3 2.7-5 6-5s6 1.7 6 5z" />
                        </svg>
                        {action.actor.id}
                      </>
                    ) : (
                      (action.agentName ?? "unknown agent")
                    )}
                  </span>
                ) : null}
                <span className="hidden w-32 shrink-0 md:block">
                  <KindBadge kind={action.kind} />
                </span>
                <span className="min-w-0 flex-1">
                  <span className="block truncate">{action.summary || action.tool || action.kind}</span>
                  <span className="block truncate text-xs text-muted">
                    {action.tool ? `${action.tool} · ` : ""}
                    {action.target ? `${action.target.type} ${action.target.id}` : "no target"}
                    {action.onBehalfOf ? ` · for ${action.onBehalfOf}` : ""}
                  </span>
                </span>
                <span className="flex shrink-0 items-center gap-1.5">
                  {action.approvalId ? <span className="rounded bg-ok-bg px-1.5 py-0.5 text-xs font-medium text-ok">approval</span> : null}
                  {action.afterContainment ? <span className="rounded bg-danger px-1.5 py-0.5 text-xs font-medium text-accent-fg">after containment</span> : action.receivedAfterContainment ? <span className="rounded bg-danger px-1.5 py-0.5 text-xs font-medium text-accent-fg">received after containment</span> : null}
                  {action.target?.sensitivity && action.target.sensitivity !== "internal" ? (
                    <SensitivityBadge sensitivity={action.target.sensitivity} />
                  ) : null}
                  <OutcomeBadge outcome={action.outcome} />
                </span>
              </button>
            </div>
          );
        })}
      </div>
      {actions.length === 0 ? <p className="p-6 text-center text-sm text-muted">No actions match.</p> : null}
      {loadingMore ? <p className="p-3 text-center text-xs text-muted">Loading older actions…</p> : null}
    </div>
  );
}
