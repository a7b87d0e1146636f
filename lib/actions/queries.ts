// Client-side timeline data: pages of actions, the histogram, and the live stream
// merged into the cached first page.
import { type InfiniteData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/http/api-client";
import type { Histogram } from "./action-histogram";
import { matchesFilter } from "./action-filter";
import type { ActionPage } from "./list-actions";
import type { PublicAction } from "./public-action";
import { type TimelineFilter, actionKeys, timelineQueryString } from "./timeline-params";

export const PAGE_SIZE = 200;

export function useActionPages(filter: TimelineFilter) {
  return useInfiniteQuery({
    queryKey: actionKeys.list(filter),
    queryFn: ({ pageParam }) =>
      apiFetch<ActionPage>(`/api/v1/actions?${timelineQueryString(filter, { limit: String(PAGE_SIZE), ...(pageParam ? { cursor: pageParam } : {}) })}`),
    initialPageParam: "",
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // The live stream keeps an open page current; coming back to it refetches.
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

export function useActionHistogram(filter: TimelineFilter, stackBy: "outcome" | "sensitivity") {
  return useQuery({
    queryKey: actionKeys.histogram(filter, stackBy),
    queryFn: () => apiFetch<Histogram>(`/api/v1/actions/histogram?${timelineQueryString(filter, { stackBy })}`),
    refetchInterval: 15_000,
  });
}

export type LiveState = "connecting" | "live" | "reconnecting";

/**
 * Subscribes to /api/v1/stream. New actions that match the filter join the top of the
 * list, or wait in a buffer while the person has paused the stream.
 */
export function useLiveActions(filter: TimelineFilter, paused: boolean) {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  const [buffered, setBuffered] = useState<PublicAction[]>([]);
  const pausedRef = useRef(paused);
  const mergeRef = useRef<(incoming: PublicAction[]) => void>(() => {});
  const lastEventIdRef = useRef<string | null>(null);
  const [gap, setGap] = useState<{ at: string; reason: string } | null>(null);
  pausedRef.current = paused;
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    const merge = (incoming: PublicAction[]) => {
      const current = client.getQueryData<InfiniteData<ActionPage, string>>(actionKeys.list(filter));
      if (!current?.pages.length) {
        // The first page is still loading and may have been read before these
        // committed: fetch it again rather than lose them.
        void client.invalidateQueries({ queryKey: actionKeys.list(filter) });
        return;
      }
      client.setQueryData<InfiniteData<ActionPage, string>>(actionKeys.list(filter), (data) => {
        if (!data?.pages.length) return data;
        const known = new Set(data.pages.flatMap((page) => page.actions.map((action) => action.seq)));
        const fresh = incoming.filter((action) => !known.has(action.seq));
        if (fresh.length === 0) return data;
        const [first, ...rest] = data.pages;
        const merged = [...fresh, ...(first?.actions ?? [])].sort(
          (a, b) => b.occurredAt.localeCompare(a.occurredAt) || b.seq - a.seq,
        );
        return { ...data, pages: [{ actions: merged, nextCursor: first?.nextCursor ?? null }, ...rest] };
      });
    };

    // Every actions event has an id; EventSource sends the last one back when it
    // reconnects, and the server replays what was missed. When the browser gives up
    // (a 503 while the database is away), a new source resumes from the same id.
    let source: EventSource;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let closed = false;
    const connect = () => {
      const resume = lastEventIdRef.current;
      source = new EventSource(resume ? `/api/v1/stream?lastEventId=${encodeURIComponent(resume)}` : "/api/v1/stream");
      source.addEventListener("ready", (event) => {
        setState("live");
        track(event);
        // Without an id to resume from, what arrived meanwhile is only in the database.
        if (!resume && connections++ > 0) void client.invalidateQueries({ queryKey: actionKeys.all });
        connections = Math.max(connections, 1);
      });
      source.addEventListener("error", () => {
        setState("reconnecting");
        if (source.readyState === EventSource.CLOSED && !closed) retry = setTimeout(connect, 3000);
      });
      // The server says this session may no longer read the console: stop retrying.
      source.addEventListener("revoked", () => {
        closed = true;
        source.close();
        setState("reconnecting");
      });
      // More was missed than the server replays: reload, and say there was a gap.
      source.addEventListener("reload", (event) => {
        track(event);
        const { reason } = JSON.parse((event as MessageEvent<string>).data) as { reason?: string };
        setGap({ at: new Date().toISOString(), reason: reason ?? "the stream was interrupted" });
        void client.invalidateQueries({ queryKey: actionKeys.all });
      });
      source.addEventListener("actions", (event) => {
        setState("live");
        track(event);
        const matching = (JSON.parse((event as MessageEvent<string>).data) as PublicAction[]).filter((action) =>
          matchesFilter(action, filter),
        );
        if (matching.length === 0) return;
        if (pausedRef.current) setBuffered((current) => [...matching, ...current]);
        else merge(matching);
        void client.invalidateQueries({ queryKey: [...actionKeys.all, "histogram"] });
      });
    };
    const track = (event: Event) => {
      const id = (event as MessageEvent).lastEventId;
      if (id) lastEventIdRef.current = id;
    };
    let connections = 0;
    lastEventIdRef.current = null;
    connect();
    mergeRef.current = merge;
    return () => {
      closed = true;
      clearTimeout(retry);
      source.close();
    };
    // filterKey stands for filter: a new filter is a new subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, filterKey]);

  useEffect(() => {
    if (!paused && buffered.length) {
      mergeRef.current(buffered);
      setBuffered([]);
    }
  }, [paused, buffered]);

  return { state, waiting: buffered.length, gap };
}
