// Runs maintainActionPartitions at start and every hour, once per server process.
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { describeForLog } from "@/lib/http/describe-for-log";
import { maintainActionPartitions } from "./maintain-partitions";

const INTERVAL_MS = 60 * 60_000;
const state = globalThis as typeof globalThis & { __tourniquetPartitionKeeper?: NodeJS.Timeout };

async function keep(): Promise<void> {
  try {
    const report = await maintainActionPartitions(await getDb(), { retentionDays: env().TOURNIQUET_RETENTION_DAYS });
    if (report.dropped.length) console.log(`Tourniquet: retention dropped ${report.dropped.join(", ")}`);
    if (report.kept.length) console.log(`Tourniquet: retention kept ${report.kept.join(", ")} (incident evidence is pinned in them)`);
  } catch (error) {
    console.error(`[partitions] maintenance failed: ${describeForLog(error)}`);
  }
}

export async function startPartitionKeeper(): Promise<void> {
  if (state.__tourniquetPartitionKeeper) return;
  state.__tourniquetPartitionKeeper = setInterval(() => void keep(), INTERVAL_MS);
  state.__tourniquetPartitionKeeper.unref();
  await keep();
}
