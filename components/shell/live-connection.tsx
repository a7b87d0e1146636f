"use client";
// One change stream per tab, shared: the shell opens it, every page reads its state,
// and the header says plainly whether what is on screen is live.
import { createContext, type ReactNode, useContext } from "react";
import { type ConnectionState, useLiveChanges } from "@/lib/live/use-live-changes";

const LiveConnection = createContext<ConnectionState>("connecting");

export function LiveConnectionProvider({ children }: { children: ReactNode }) {
  return <LiveConnection.Provider value={useLiveChanges()}>{children}</LiveConnection.Provider>;
}

export const useLiveConnection = () => useContext(LiveConnection);

const labels: Record<ConnectionState, { text: string; dot: string; title: string }> = {
  connecting: { text: "Connecting…", dot: "bg-muted", title: "Opening the live stream." },
  live: { text: "Live", dot: "bg-ok", title: "Changes appear as they happen." },
  reconnecting: { text: "Reconnecting…", dot: "bg-warn", title: "The live stream dropped; retrying. What you see may be a few seconds old." },
  offline: {
    text: "Offline",
    dot: "bg-danger",
    title: "Nothing on this page updates, and actions you take will not be applied until the server answers again.",
  },
};

export function ConnectionStatus() {
  const state = useLiveConnection();
  const label = labels[state];
  return (
    <span
      role="status"
      data-testid="connection-state"
      data-state={state}
      className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs ${state === "offline" ? "bg-danger-bg font-medium text-danger" : "text-muted"}`}
    >
      <span aria-hidden className={`inline-block size-2 rounded-full ${label.dot} ${state === "live" ? "animate-pulse" : ""}`} />
      {label.text}
      {state === "offline" ? <span className="hidden sm:inline">: the server is not answering</span> : null}
      <span className="sr-only">. {label.title}</span>
    </span>
  );
}
