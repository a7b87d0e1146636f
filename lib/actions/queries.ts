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

    const source = new EventSource("/api/v1/stream");
    let connections = 0;
    source.addEventListener("ready", () => {
      setState("live");
      // After a reconnect, actions sent while the stream was down are only in the database.
      if (connections++ > 0) void client.invalidateQueries({ queryKey: actionKeys.all });
    });
    source.addEventListener("error", () => setState("reconnecting"));
    // The server says this session may no longer read the console: stop retrying.
    source.addEventListener("revoked", () => {
      source.close();
      setState("reconnecting");
    });
    source.addEventListener("actions", (event) => {
      setState("live");
      const matching = (JSON.parse((event as MessageEvent<string>).data) as PublicAction[]).filter((action) =>
        matchesFilter(action, filter),
      );
      if (matching.length === 0) return;
      if (pausedRef.current) setBuffered((current) => [...matching, ...current]);
      else merge(matching);
      void client.invalidateQueries({ queryKey: [...actionKeys.all, "histogram"] });
    });
    mergeRef.current = merge;
    return () => source.close();
    // filterKey stands for filter: a new filter is a new subscription.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, filterKey]);

  useEffect(() => {
    if (!paused && buffered.length) {
      mergeRef.current(buffered);
      setBuffered([]);
    }
  }, [paused, buffered]);

  return { state, waiting: buffered.length };
}
