"use client";
// The console's ear for changes other than actions: one stream per tab, opened by
// the shell, that refetches whatever topic changed (alerts, approvals, rules) so
// every open view and the navigation's counts stay live.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { LiveState } from "@/lib/actions/queries";

export function useLiveChanges(): LiveState {
  const client = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");
  useEffect(() => {
    const source = new EventSource("/api/v1/stream?actions=0");
    source.addEventListener("ready", () => {
      setState("live");
      // Whatever changed before the stream was listening (the page was rendered a
      // moment earlier) or while it was down is only in the database.
      for (const topic of ["alerts", "approvals", "rules"]) void client.invalidateQueries({ queryKey: [topic] });
    });
    source.addEventListener("error", () => setState("reconnecting"));
    source.addEventListener("revoked", () => {
      source.close();
      setState("reconnecting");
    });
    source.addEventListener("change", (event) => {
      const { topic } = JSON.parse((event as MessageEvent<string>).data) as { topic: string };
      void client.invalidateQueries({ queryKey: [topic] });
    });
    return () => source.close();
  }, [client]);
  return state;
}
