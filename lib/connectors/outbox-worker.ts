// The outbox loop of this server process: at once when a containment commits (on
// any replica), and every two seconds for retries. Deliveries live in the database,
// so a restart loses none.
import { getDatabase, getDb } from "@/lib/db";
import { OUTBOX_CHANNEL } from "./enqueue-deliveries";
import { runOutbox } from "./run-outbox";

const INTERVAL_MS = 2_000;
const state = globalThis as typeof globalThis & { __tourniquetOutbox?: { running: boolean; again: boolean; timer?: NodeJS.Timeout } };

async function drain(): Promise<void> {
  const worker = (state.__tourniquetOutbox ??= { running: false, again: false });
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = true;
  try {
    const db = await getDb();
    do {
      worker.again = false;
      while ((await runOutbox(db)).attempted > 0) {
        // keep going while there is due work
      }
    } while (worker.again);
  } catch (error) {
    console.error(`[outbox] ${(error as Error).message}`);
  } finally {
    worker.running = false;
  }
}

/** Starts the loop once per process: on every outbox notification, and every two seconds for retries. */
export async function startOutboxWorker(): Promise<void> {
  const worker = (state.__tourniquetOutbox ??= { running: false, again: false });
  if (worker.timer) return;
  worker.timer = setInterval(() => void drain(), INTERVAL_MS);
  worker.timer.unref();
  await (await getDatabase()).listen(OUTBOX_CHANNEL, () => void drain());
  void drain();
}
