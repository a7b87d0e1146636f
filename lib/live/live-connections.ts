// Open live connections (streams and approval long-polls) per caller, in this server
// process: each caller may hold a bounded number, and each can be closed by whoever
// ends the caller's access (a signed-out session, a revoked key).
import type { Caller } from "@/lib/auth/caller";
import { RetryLaterError } from "@/lib/errors";

export const MAX_LIVE_CONNECTIONS_PER_CALLER = 20;

type Close = (reason: string) => void;
const holder = globalThis as typeof globalThis & { __tourniquetLiveConnections?: Map<string, Set<Close>> };

export function callerKey(caller: Caller): string {
  return caller.type === "system" ? `system:${caller.label}` : `${caller.type}:${caller.id}`;
}

/**
 * Counts one connection against the caller's cap, or throws 429 with Retry-After.
 * `close` is called by closeLiveConnections; the returned function releases the slot.
 */
export function holdLiveConnection(caller: Caller, close: Close): () => void {
  const open = (holder.__tourniquetLiveConnections ??= new Map());
  const key = callerKey(caller);
  const mine = open.get(key) ?? new Set<Close>();
  if (mine.size >= MAX_LIVE_CONNECTIONS_PER_CALLER) {
    throw new RetryLaterError(
      429,
      "too_many_connections",
      `At most ${MAX_LIVE_CONNECTIONS_PER_CALLER} live connections (streams and waiting approval requests) per caller; close one first.`,
      5,
    );
  }
  mine.add(close);
  open.set(key, mine);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    mine.delete(close);
    if (mine.size === 0) open.delete(key);
  };
}

/** Closes every live connection of a caller (e.g. `user:<id>` when the person's sessions end). */
export function closeLiveConnections(key: string, reason: string): number {
  const mine = holder.__tourniquetLiveConnections?.get(key);
  if (!mine) return 0;
  const closers = [...mine];
  for (const close of closers) close(reason);
  return closers.length;
}

/** Every open live connection of this process, e.g. for a graceful stop. */
export function closeAllLiveConnections(reason: string): void {
  for (const key of [...(holder.__tourniquetLiveConnections?.keys() ?? [])]) closeLiveConnections(key, reason);
}
