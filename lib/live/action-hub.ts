// New actions for open streams, one reader per server process: on every notification,
// when the LISTEN connection is (re-)established, and every two seconds, it reads the
// batches committed after the last position it delivered and hands them to every
// subscriber. A notification lost while the database was away costs nothing: the
// next read finds what it announced. A backlog too large to replay becomes "reload".
import { getDatabase } from "@/lib/db";
import { ACTIONS_CHANNEL } from "./publish-actions";
import { type ActionBatch, latestPosition, readBatchesAfter } from "./read-action-commits";

export type HubMessage =
  | { type: "batch"; batch: ActionBatch }
  | { type: "reload"; position: number; lastActionId: number; reason: string };

type Subscriber = (message: HubMessage) => void;

const POLL_MS = 2_000;
const PAGE = 100;
/** More than this many actions to replay at once (a long outage): subscribers reload instead. */
export const HUB_CATCH_UP_LIMIT = 50_000;

interface Hub {
  subscribers: Set<Subscriber>;
  position: number | null;
  ready: Promise<void> | null;
  pumping: boolean;
  again: boolean;
  timer?: NodeJS.Timeout;
}

const holder = globalThis as typeof globalThis & { __tourniquetActionHub?: Hub };

function emit(hub: Hub, message: HubMessage): void {
  for (const subscriber of hub.subscribers) subscriber(message);
}

async function pump(hub: Hub): Promise<void> {
  if (hub.pumping) {
    hub.again = true;
    return;
  }
  hub.pumping = true;
  try {
    const { db } = await getDatabase();
    do {
      hub.again = false;
      let replayed = 0;
      for (;;) {
        if (hub.position === null || hub.subscribers.size === 0) {
          // Nobody to tell: only keep up. A subscriber arriving meanwhile is served by the next round.
          const latest = await latestPosition(db);
          if (hub.subscribers.size === 0 || hub.position === null) hub.position = latest.position;
          else hub.again = true;
          break;
        }
        const batches = await readBatchesAfter(db, hub.position, PAGE);
        for (const batch of batches) {
          hub.position = batch.position;
          replayed += batch.actions.length;
          emit(hub, { type: "batch", batch });
        }
        if (batches.length < PAGE) break;
        if (replayed >= HUB_CATCH_UP_LIMIT) {
          const latest = await latestPosition(db);
          hub.position = latest.position;
          emit(hub, { type: "reload", ...latest, reason: "too many actions arrived while the stream was interrupted" });
          break;
        }
      }
    } while (hub.again);
  } catch {
    // The database is away: the reconnect's LISTEN, a notification or the timer tries again.
  } finally {
    hub.pumping = false;
  }
}

function start(hub: Hub): Promise<void> {
  hub.ready ??= getDatabase()
    .then((database) =>
      database.listen(
        ACTIONS_CHANNEL,
        () => void pump(hub),
        () => void pump(hub),
      ),
    )
    .then(() => {
      hub.timer ??= setInterval(() => void pump(hub), POLL_MS);
      hub.timer.unref();
    })
    // A failed LISTEN is tried again by the next subscriber, not cached for the process's life.
    .catch((error: unknown) => {
      hub.ready = null;
      throw error;
    });
  return hub.ready;
}

/** Calls the subscriber with every batch committed from now on (and reload notices) until stopped. */
export async function subscribeToActions(subscriber: Subscriber): Promise<() => void> {
  const hub = (holder.__tourniquetActionHub ??= { subscribers: new Set(), position: null, ready: null, pumping: false, again: false });
  await start(hub);
  hub.subscribers.add(subscriber);
  return () => {
    hub.subscribers.delete(subscriber);
  };
}
