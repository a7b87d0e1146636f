// A normal stop (SIGTERM, SIGINT) is not a crash: refuse new work with 503, close the
// live streams, let in-flight requests finish (up to DRAIN_MS), stop the background
// loops, then close the database, so PGlite is shut down cleanly and leaves no lock
// file. Next.js's own signal handler may call process.exit meanwhile; that exit waits
// for ours.
import type { Database } from "@/db/client";
import { closeAllLiveConnections } from "@/lib/live/live-connections";

const DRAIN_MS = 10_000;

interface StopState {
  stopping: boolean;
  inFlight: number;
  idle: (() => void)[];
  beforeClose: (() => Promise<void> | void)[];
  done?: Promise<void>;
}

const holder = globalThis as typeof globalThis & { __tourniquetStop?: StopState };
const state = (): StopState => (holder.__tourniquetStop ??= { stopping: false, inFlight: 0, idle: [], beforeClose: [] });

export function isStopping(): boolean {
  return state().stopping;
}

/** Counts a request as in flight until the returned function is called: a stop waits for it. */
export function enterRequest(): () => void {
  const current = state();
  current.inFlight += 1;
  let left = false;
  return () => {
    if (left) return;
    left = true;
    current.inFlight -= 1;
    if (current.inFlight === 0) for (const resolve of current.idle.splice(0)) resolve();
  };
}

/** Runs a request's work, counted so that a stop waits for it. */
export async function countInFlight<T>(work: () => Promise<T>): Promise<T> {
  const leave = enterRequest();
  try {
    return await work();
  } finally {
    leave();
  }
}

/** Work to finish before the database closes (the outbox loop, the sweeper). */
export function beforeDatabaseCloses(task: () => Promise<void> | void): void {
  state().beforeClose.push(task);
}

/** Stops this process cleanly; resolves when the database is closed. */
export function stopGracefully(database: Pick<Database, "close">): Promise<void> {
  const current = state();
  current.done ??= (async () => {
    current.stopping = true;
    closeAllLiveConnections("the server is stopping");
    if (current.inFlight > 0) {
      await new Promise<void>((resolve) => {
        current.idle.push(resolve);
        setTimeout(resolve, DRAIN_MS).unref();
      });
    }
    for (const task of current.beforeClose) await Promise.resolve(task()).catch(() => {});
    await database.close().catch((error: unknown) => console.error(`[stop] closing the database failed: ${(error as Error).message}`));
  })();
  return current.done;
}

/** On SIGTERM and SIGINT: stop gracefully, then exit. */
export function installGracefulStop(database: Pick<Database, "close">): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    // A signal often arrives twice: Ctrl-C reaches the whole process group, and
    // `npm start` forwards it as well. The second must not cut the stop short (the
    // default action would kill the process before the database is closed).
    if (stopping) return;
    stopping = true;
    const exit = process.exit.bind(process);
    // Next.js exits from its own handler once its HTTP server is closed; hold that until the database is closed.
    process.exit = ((code?: number) => void stopGracefully(database).finally(() => exit(code))) as typeof process.exit;
    void stopGracefully(database).finally(() => exit(signal === "SIGINT" ? 130 : 0));
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}
