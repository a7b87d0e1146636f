// The body of GET /api/v1/stream: Server-Sent Events of committed actions and changes.
// Every `actions` event carries an `id` (the largest action seq in it); a client that
// reconnects with Last-Event-ID (or `?lastEventId=`) first gets the batches it missed,
// up to RESUME_LIMIT actions, else one `reload` event. Each stream holds at most
// BUFFER_BYTES not yet taken by the client; one that falls further behind is told
// (`event: dropped`) and closed, so a paused reader costs bounded memory.
import type { Db } from "@/db/client";
import type { Caller } from "@/lib/auth/caller";
import { stillPermitted } from "@/lib/auth/recheck-caller";
import { type HubMessage, subscribeToActions } from "./action-hub";
import { subscribeToChanges } from "./change-hub";
import { holdLiveConnection } from "./live-connections";
import { type ActionBatch, latestPosition, positionOfEvent, readBatchesAfter } from "./read-action-commits";

const HEARTBEAT_MS = 15_000;
/** At most this many missed actions are replayed to a reconnecting client; more means reload. */
export const RESUME_LIMIT = 10_000;
/** Bytes queued for a client that is not reading before it is dropped. */
export const BUFFER_BYTES = 4 * 1024 * 1024;
/** Live batches held back while a reconnecting client takes its replay. */
const MAX_PENDING_BATCHES = 2_000;

export interface LiveStreamOptions {
  db: Db;
  caller: Caller;
  signal: AbortSignal;
  /** `false` for changes only (`?actions=0`). */
  actions: boolean;
  /** The client's Last-Event-ID, when it reconnects. */
  lastEventId: string | null;
}

const eventOf = (batch: ActionBatch) => `event: actions\nid: ${batch.lastActionId}\ndata: ${JSON.stringify(batch.actions)}\n\n`;
const reloadOf = (lastActionId: number, reason: string) => `event: reload\nid: ${lastActionId}\ndata: ${JSON.stringify({ reason })}\n\n`;

function parseEventId(value: string | null): number | null {
  if (value === null || !/^\d{1,15}$/.test(value.trim())) return null;
  return Number(value.trim());
}

export function openLiveStream(options: LiveStreamOptions): ReadableStream<Uint8Array> {
  const { db, caller, signal } = options;
  const encoder = new TextEncoder();
  let closed = false;
  const stops: (() => void)[] = [];
  const cleanup = () => {
    closed = true;
    for (const stop of stops.splice(0)) stop();
  };
  // Taken before anything is opened: over the cap, the route answers 429.
  let shut: (reason: string) => void = () => {};
  // Resolved when the client reads: the catch-up waits for it instead of piling up.
  let drained: (() => void) | null = null;
  stops.push(holdLiveConnection(caller, (reason) => shut(reason)));

  return new ReadableStream<Uint8Array>(
    {
      // Not awaited: pull (the client reading) is only called once start has returned.
      start(controller) {
        void run(controller);
      },
      pull() {
        drained?.();
        drained = null;
      },
      cancel() {
        cleanup();
        drained?.();
      },
    },
    { highWaterMark: 0, size: (chunk) => chunk.byteLength },
  );

  async function run(controller: ReadableStreamDefaultController<Uint8Array>): Promise<void> {
    const close = () => {
      cleanup();
      drained?.();
      try {
        controller.close();
      } catch {
        // already closed
      }
    };
    const send = (text: string) => {
      if (closed) return;
      try {
        controller.enqueue(encoder.encode(text));
      } catch {
        return cleanup();
      }
      // desiredSize counts queued bytes against the high-water mark of 0.
      if ((controller.desiredSize ?? 0) < -BUFFER_BYTES) drop(`more than ${BUFFER_BYTES} bytes were waiting for this client`);
    };
    const drop = (message: string) => {
      if (closed) return;
      controller.enqueue(encoder.encode(`event: dropped\ndata: ${JSON.stringify({ reason: "slow_reader", message: `${message}; reconnect with Last-Event-ID to catch up.` })}\n\n`));
      close();
    };
    shut = (reason) => {
      send(`event: revoked\ndata: ${JSON.stringify({ reason })}\n\n`);
      close();
    };

    signal.addEventListener("abort", close);

    // Live batches that arrive while the catch-up is read and sent wait here (a client
    // that cannot take them in time is dropped); `sent` keeps each batch from going
    // out twice.
    let sent = 0;
    let replaying = true;
    const pending: HubMessage[] = [];
    const deliver = (message: HubMessage) => {
      if (replaying) {
        pending.push(message);
        if (pending.length > MAX_PENDING_BATCHES) drop(`more than ${MAX_PENDING_BATCHES} new batches arrived while the missed ones were sent`);
        return;
      }
      if (message.type === "reload") {
        sent = Math.max(sent, message.position);
        return send(reloadOf(message.lastActionId, message.reason));
      }
      if (message.batch.position <= sent) return;
      sent = message.batch.position;
      send(eventOf(message.batch));
    };
    try {
      if (options.actions) stops.push(await subscribeToActions(deliver));
      stops.push(
        await subscribeToChanges((change) => {
          // A person's sessions ended (sign-out, new password, role change, disabled):
          // their streams close now, on every replica, not at the next heartbeat.
          if (change.topic === "sessions") {
            if (caller.type === "user" && change.id === caller.id) shut("the session ended");
            return;
          }
          // For the servers' own memory of credentials, not for a console.
          if (change.topic === "resource_servers") return;
          send(`event: change\ndata: ${JSON.stringify(change)}\n\n`);
        }),
      );
      let ready = "retry: 3000\nevent: ready\ndata: {}\n\n";
      if (options.actions) {
        const now = await latestPosition(db);
        const resumeFrom = parseEventId(options.lastEventId);
        const from = resumeFrom === null ? null : await positionOfEvent(db, resumeFrom);
        const missed = from === null ? [] : await readBatchesAfter(db, from, RESUME_LIMIT + 1);
        const count = missed.reduce((total, batch) => total + batch.actions.length, 0);
        // A fresh stream starts at the latest event; a resumed one keeps the client's
        // id until the batches it missed have gone out.
        if (resumeFrom === null) ready = `retry: 3000\nevent: ready\nid: ${now.lastActionId}\ndata: {}\n\n`;
        if (resumeFrom !== null && (from === null || count > RESUME_LIMIT)) {
          send(ready);
          sent = now.position;
          send(reloadOf(now.lastActionId, from === null ? "the last event is too old to resume from" : `more than ${RESUME_LIMIT} actions were missed`));
        } else {
          send(ready);
          sent = from ?? now.position;
          for (const batch of missed) {
            if (batch.position <= sent) continue;
            // A replay is as fast as the client reads it, not a reason to drop it.
            while (!closed && (controller.desiredSize ?? 0) < -BUFFER_BYTES / 2) {
              await new Promise<void>((resolve) => (drained = resolve));
            }
            sent = batch.position;
            send(eventOf(batch));
          }
        }
      } else {
        send(ready);
      }
      replaying = false;
      for (const message of pending.splice(0)) deliver(message);
    } catch (error) {
      cleanup();
      controller.error(error);
      return;
    }
    if (signal.aborted || closed) return close();

    // Each heartbeat re-checks the caller: a disabled person or revoked key is cut off.
    const heartbeat = setInterval(() => {
      void stillPermitted(db, caller, "console:read")
        .then((allowed) => {
          if (allowed) return send(": keep-alive\n\n");
          shut("access ended");
        })
        .catch(() => send(": keep-alive\n\n"));
    }, HEARTBEAT_MS);
    stops.push(() => clearInterval(heartbeat));
  }
}
