"use client";
// The timeline rows, virtualized: only what is on screen is in the DOM, so 100,000
// loaded actions scroll like 100. The page itself scrolls (one scroll area, rows
// measured against the window), on the Timeline page and on an agent's page, where the
// list comes last. Near the end, older actions load.
import { type Virtualizer, useWindowVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState } from "react";
import type { PublicAction } from "@/lib/actions/public-action";
import { ActionRow } from "./action-row";

const ROW_HEIGHT = 56;
const OVERSCAN = 12;

interface Props {
  actions: PublicAction[];
  hasMore: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  onOpen: (action: PublicAction) => void;
  showAgent: boolean;
}

export function ActionList(props: Props) {
  const list = useRef<HTMLDivElement>(null);
  const [offset, setOffset] = useState(0);
  // The filters and the chart above change height (the chart arrives later, filters
  // wrap): the rows' offset in the page is measured after every render and resize.
  useLayoutEffect(() => {
    const measure = () => {
      const top = list.current ? Math.round(list.current.getBoundingClientRect().top + window.scrollY) : 0;
      setOffset((current) => (current === top ? current : top));
    };
    measure();
    window.addEventListener("resize", measure);
    return () => window.removeEventListener("resize", measure);
  });
  const virtualizer = useWindowVirtualizer({
    count: props.actions.length,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    scrollMargin: offset,
    getItemKey: (index) => props.actions[index]?.seq ?? index,
  });
  return <Rows {...props} virtualizer={virtualizer} listRef={list} offset={offset} />;
}

function Rows({
  actions,
  hasMore,
  loadingMore,
  onLoadMore,
  onOpen,
  showAgent,
  virtualizer,
  listRef,
  offset,
}: Props & {
  virtualizer: Virtualizer<Window, Element>;
  listRef?: React.Ref<HTMLDivElement>;
  offset: number;
}) {
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !loadingMore && last >= actions.length - 20) onLoadMore();
  }, [last, actions.length, hasMore, loadingMore, onLoadMore]);

  return (
    <div className="rounded-lg border border-border bg-surface">
      <div
        ref={listRef}
        role="list"
        aria-label="Actions, newest first"
        data-testid="action-list"
        style={{ height: virtualizer.getTotalSize(), position: "relative" }}
      >
        {items.map((item) => {
          const action = actions[item.index];
          if (!action) return null;
          return (
            <div
              key={item.key}
              role="listitem"
              className="absolute inset-x-0"
              style={{ height: item.size, transform: `translateY(${item.start - offset}px)` }}
            >
              <ActionRow action={action} showAgent={showAgent} onOpen={onOpen} />
            </div>
          );
        })}
      </div>
      {actions.length === 0 ? <p className="p-6 text-center text-sm text-muted">No actions match.</p> : null}
      {loadingMore ? (
        <p className="p-3 text-center text-xs text-muted">Loading older actions…</p>
      ) : hasMore ? (
        // Scrolling near the end loads more by itself; the button is for the keyboard.
        <button type="button" onClick={onLoadMore} className="block w-full p-3 text-center text-xs text-muted hover:underline">
          Load older actions
        </button>
      ) : null}
    </div>
  );
}
