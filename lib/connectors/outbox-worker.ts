// The outbox loop of this server process: at once when a containment commits (on
// any replica), and every two seconds for retries. Deliveries live in the database,
// so a restart loses none.
import { getDatabase, getDb } from "@/lib/db";
import { beforeDatabaseCloses, isStopping } from "@/lib/setup/graceful-stop";
import { OUTBOX_CHANNEL } from "./enqueue-deliveries";
import { runOutbox } from "./run-outbox";

const INTERVAL_MS = 2_000;
const state = globalThis as typeof globalThis & {
  __tourniquetOutbox?: { running: boolean; again: boolean; timer?: NodeJS.Timeout; current?: Promise<void> };
};

async function drain(): Promise<void> {
  const worker = (state.__tourniquetOutbox ??= { running: false, again: false });
  if (isStopping()) return;
  if (worker.running) {
    worker.again = true;
    return;
  }
  worker.running = true;
  worker.current = work(worker);
  await worker.current;
}

async function work(worker: NonNullable<(typeof state)["__tourniquetOutbox"]>): Promise<void> {
  try {
    const db = await getDb();
    do {
      worker.again = false;
      while (!isStopping() && (await runOutbox(db)).attempted > 0) {
        // keep going while there is due work
      }
    } while (worker.again && !isStopping());
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
  // A stop lets the sends in flight finish and record their outcome first.
  beforeDatabaseCloses(async () => {
    clearInterval(worker.timer);
    await worker.current;
  });
  // Also when the LISTEN comes back after a lost connection: wake-ups sent meanwhile are gone.
  await (await getDatabase()).listen(OUTBOX_CHANNEL, () => void drain(), () => void drain());
  void drain();
}
