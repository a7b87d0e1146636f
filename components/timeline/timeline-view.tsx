"use client";
// The live timeline: filters in the URL, a histogram to pick a window, a virtualized
// list that new actions join within a second, and a drawer for one action's details.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { PublicAction } from "@/lib/actions/public-action";
import { useActionHistogram, useActionPages, useLiveActions } from "@/lib/actions/queries";
import { type TimelineFilter, timelineFilterFrom } from "@/lib/actions/timeline-params";
import { ActionDrawer } from "./action-drawer";
import { ActionHistogramChart } from "./action-histogram-chart";
import { ActionList } from "./action-list";
import { TimelineFilters } from "./timeline-filters";

const liveLabel = { connecting: "Connecting…", live: "Live", reconnecting: "Reconnecting…" } as const;

export function TimelineView({
  fixedAgentId,
  canContain = false,
}: {
  fixedAgentId?: string;
  canContain?: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filter = useMemo<TimelineFilter>(() => {
    const fromUrl = timelineFilterFrom(params);
    return fixedAgentId ? { ...fromUrl, agentId: fixedAgentId } : fromUrl;
  }, [params, fixedAgentId]);
  const [paused, setPaused] = useState(false);
  const [stackBy, setStackBy] = useState<"outcome" | "sensitivity">("outcome");
  const [open, setOpen] = useState<PublicAction | null>(null);

  const pages = useActionPages(filter);
  const histogram = useActionHistogram(filter, stackBy);
  const live = useLiveActions(filter, paused);
  const actions = useMemo(() => pages.data?.pages.flatMap((page) => page.actions) ?? [], [pages.data]);

  const change = useCallback(
    (changes: TimelineFilter) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      router.replace(`${pathname}?${next}`, { scroll: false });
    },
    [params, pathname, router],
  );
  const loadMore = useCallback(() => void pages.fetchNextPage(), [pages]);
  const agentName = filter.agentId ? (actions.find((action) => action.agent === filter.agentId)?.agentName ?? null) : null;

  return (
    <section aria-label="Timeline">
      <TimelineFilters filter={filter} agentName={agentName} fixedAgent={Boolean(fixedAgentId)} onChange={change} />
      {histogram.data ? (
        <div className="mb-3">
          <ActionHistogramChart histogram={histogram.data} onSelect={(from, to) => change({ from: from.toISOString(), to: to.toISOString() })} />
        </div>
      ) : null}
      <div className="mb-2 flex flex-wrap items-center justify-between gap-3 text-sm">
        <div className="flex items-center gap-3" role="status" aria-live="polite">
          <span className="flex items-center gap-1.5 font-medium">
            <span
              aria-hidden
              className={`inline-block size-2 rounded-full ${paused ? "bg-warn" : live.state === "live" ? "animate-pulse bg-ok" : "bg-muted"}`}
            />
            {paused ? "Paused" : liveLabel[live.state]}
          </span>
          {paused && live.waiting ? <span className="text-muted">{live.waiting} new waiting</span> : null}
          {live.gap ? (
            <span className="text-warn" title={live.gap.reason}>
              Gap at {new Date(live.gap.at).toLocaleTimeString()}: {live.gap.reason}; reloaded
            </span>
          ) : null}
          <span className="text-xs text-muted">
            {actions.length.toLocaleString()} loaded{pages.hasNextPage ? ", more on scroll" : ""}
          </span>
        </div>
        <div className="flex items-center gap-2">
          <label className="flex items-center gap-1 text-xs text-muted">
            Chart by
            <select aria-label="Chart by" value={stackBy} onChange={(event) => setStackBy(event.target.value as "outcome" | "sensitivity")} className="h-8 rounded-md border border-border bg-surface px-1 text-xs">
              <option value="outcome">outcome</option>
              <option value="sensitivity">sensitivity</option>
            </select>
          </label>
          <Button size="sm" variant={paused ? "primary" : "secondary"} onClick={() => setPaused((value) => !value)}>
            {paused ? `Resume${live.waiting ? ` (${live.waiting})` : ""}` : "Pause"}
          </Button>
        </div>
      </div>
      {pages.isError ? (
        <p role="alert" className="rounded-md bg-danger-bg p-3 text-sm text-danger">
          {pages.error.message}
        </p>
      ) : pages.isPending ? (
        <p className="p-6 text-sm text-muted">Loading actions…</p>
      ) : (
        <ActionList
          actions={actions}
          hasMore={Boolean(pages.hasNextPage)}
          loadingMore={pages.isFetchingNextPage}
          onLoadMore={loadMore}
          onOpen={setOpen}
          showAgent={!fixedAgentId}
        />
      )}
      <ActionDrawer action={open} onClose={() => setOpen(null)} canContain={canContain} />
    </section>
  );
}
