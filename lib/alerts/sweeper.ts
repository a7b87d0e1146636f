// Starts sweepRules every few seconds, once per server process.
import { getDb } from "@/lib/db";
import { describeForLog } from "@/lib/http/describe-for-log";
import { trimActionCommits } from "@/lib/live/read-action-commits";
import { sweepRules } from "./sweep-rules";

const INTERVAL_MS = 5_000;
/** How far back a reconnecting live stream can catch up (lib/live). */
const STREAM_POSITIONS_KEPT_MS = 10 * 60_000;
const state = globalThis as typeof globalThis & { __tourniquetSweeper?: { timer: NodeJS.Timeout; running: boolean } };

export function startRuleSweeper(): void {
  if (state.__tourniquetSweeper) return;
  const sweeper = { running: false, timer: setInterval(() => void tick(), INTERVAL_MS) };
  sweeper.timer.unref();
  state.__tourniquetSweeper = sweeper;

  async function tick(): Promise<void> {
    if (sweeper.running) return;
    sweeper.running = true;
    try {
      const db = await getDb();
      await sweepRules(db);
      await trimActionCommits(db, new Date(Date.now() - STREAM_POSITIONS_KEPT_MS));
    } catch (error) {
      console.error(`[rules] sweep failed: ${describeForLog(error)}`);
    } finally {
      sweeper.running = false;
    }
  }
}
