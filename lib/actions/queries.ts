// Client-side timeline data: pages of actions, the histogram, and the live stream
// merged into the cached first page.
import { type InfiniteData, useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { apiFetch } from "@/lib/http/api-client";
import type { Histogram, HistogramBucket } from "./action-histogram";
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

/**
 * Counts actions that arrived over the live stream into a histogram already on screen,
 * so the bars rise with the list; the periodic refetch then replaces the estimate with
 * the server's count. Without a fixed end the window slides forward to take them.
 */
export function countIntoHistogram(histogram: Histogram, arrived: PublicAction[], fixedEnd: boolean): Histogram {
  const step = histogram.bucketSeconds * 1000;
  const first = histogram.buckets[0];
  if (!first || arrived.length === 0) return histogram;
  const origin = new Date(first.start).getTime();
  const buckets: HistogramBucket[] = histogram.buckets.map((bucket) => ({ start: bucket.start, counts: { ...bucket.counts } }));
  let from = new Date(histogram.from).getTime();
  let to = new Date(histogram.to).getTime();
  let shift = 0;
  for (const action of arrived) {
    const at = new Date(action.occurredAt).getTime();
    if (Number.isNaN(at) || at < from || (fixedEnd && at >= to)) continue;
    let index = Math.floor((at - origin) / step) - shift;
    // Past the last bar: slide the window along, a bar at a time, as the server would.
    while (index >= buckets.length) {
      const last = buckets.at(-1);
      if (!last) break;
      buckets.push({ start: new Date(new Date(last.start).getTime() + step).toISOString(), counts: {} });
      buckets.shift();
      shift += 1;
      index -= 1;
    }
    if (at > to) {
      from += at - to;
      to = at;
    }
    const bucket = buckets[index];
    if (!bucket || new Date(bucket.start).getTime() > at) continue;
    const key = histogram.stackBy === "outcome" ? action.outcome : (action.target?.sensitivity ?? "none");
    bucket.counts[key] = (bucket.counts[key] ?? 0) + 1;
  }
  return { ...histogram, from: new Date(from).toISOString(), to: new Date(to).toISOString(), buckets };
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
        // The chart counts what happened, paused or not. Counting here rather than
        // refetching on every event: a busy stream would cancel each refetch with the next.
        for (const stackBy of ["outcome", "sensitivity"] as const) {
          client.setQueryData<Histogram>(actionKeys.histogram(filter, stackBy), (histogram) =>
            histogram ? countIntoHistogram(histogram, matching, Boolean(filter.to)) : histogram,
          );
        }
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
