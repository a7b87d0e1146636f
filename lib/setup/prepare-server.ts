// Opens, migrates and prepares the database as the server starts, so the first
// request does not pay for it. A failure is one line and a non-zero exit.
import { startPartitionKeeper } from "@/lib/actions/partition-keeper";
import { startRuleSweeper } from "@/lib/alerts/sweeper";
import { startResourceServerCache } from "@/lib/auth/resource-server-cache";
import { startOutboxWorker } from "@/lib/connectors/outbox-worker";
import { getDb } from "@/lib/db";

export async function prepareServer(): Promise<void> {
  try {
    await getDb();
    await startOutboxWorker();
    startRuleSweeper();
    await startPartitionKeeper();
    await startResourceServerCache();
  } catch (error) {
    console.error(`Tourniquet cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
