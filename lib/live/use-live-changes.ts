"use client";
// The console's ear for changes other than actions: one stream per tab, opened by
// the shell, that refetches whatever topic changed (alerts, approvals, rules, agents,
// incidents) so every open view and the navigation's counts stay live. Its state is
// the page's honest connection state: a person must never read "live" off a console
// whose server stopped answering.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";

/**
 * connecting: first contact; live: the stream is open; reconnecting: it dropped a
 * moment ago; offline: the server has not answered for OFFLINE_AFTER_MS (or the
 * browser itself is offline), so what the page shows may be out of date.
 */
export type ConnectionState = "connecting" | "live" | "reconnecting" | "offline";

const OFFLINE_AFTER_MS = 4_000;
/** When the browser gives up on a stream (a 5xx, a proxy's page), a new one after this. */
const REOPEN_AFTER_MS = 3_000;

const topics = ["alerts", "approvals", "rules", "agents", "incidents"];

export function useLiveChanges(): ConnectionState {
  const client = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<ConnectionState>("connecting");
  useEffect(() => {
    let source: EventSource | null = null;
    let offlineTimer: ReturnType<typeof setTimeout> | undefined;
    let reopenTimer: ReturnType<typeof setTimeout> | undefined;
    let refreshTimer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;

    // An agent contained or an incident changed elsewhere: server-rendered parts of the
    // page (an agent's header, an incident's record) and the alerts naming it follow.
    const changed = (topic: string) => {
      void client.invalidateQueries({ queryKey: [topic] });
      if (topic !== "agents" && topic !== "incidents") return;
      void client.invalidateQueries({ queryKey: ["alerts"] });
      clearTimeout(refreshTimer);
      refreshTimer = setTimeout(() => router.refresh(), 300);
    };

    const dropped = () => {
      setState((current) => (current === "offline" ? current : "reconnecting"));
      offlineTimer ??= setTimeout(() => setState("offline"), OFFLINE_AFTER_MS);
    };
    const open = () => {
      source = new EventSource("/api/v1/stream?actions=0");
      source.addEventListener("ready", () => {
        clearTimeout(offlineTimer);
        offlineTimer = undefined;
        setState("live");
        // Whatever changed before the stream was listening (the page was rendered a
        // moment earlier) or while it was down is only in the database.
        for (const topic of topics) void client.invalidateQueries({ queryKey: [topic] });
      });
      source.addEventListener("error", () => {
        dropped();
        // CONNECTING: the browser retries by itself. CLOSED: it gave up; so do we, briefly.
        if (source?.readyState === EventSource.CLOSED && !stopped) {
          clearTimeout(reopenTimer);
          reopenTimer = setTimeout(open, REOPEN_AFTER_MS);
        }
      });
      source.addEventListener("revoked", () => {
        source?.close();
        dropped();
      });
      source.addEventListener("change", (event) => {
        changed((JSON.parse((event as MessageEvent<string>).data) as { topic: string }).topic);
      });
    };
    const wentOffline = () => setState("offline");
    const cameOnline = () => {
      source?.close();
      open();
    };
    open();
    window.addEventListener("offline", wentOffline);
    window.addEventListener("online", cameOnline);
    return () => {
      stopped = true;
      clearTimeout(offlineTimer);
      clearTimeout(reopenTimer);
      clearTimeout(refreshTimer);
      source?.close();
      window.removeEventListener("offline", wentOffline);
      window.removeEventListener("online", cameOnline);
    };
  }, [client, router]);
  return state;
}
