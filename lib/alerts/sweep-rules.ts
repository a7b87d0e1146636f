// Housekeeping for detection and approvals, run every few seconds by each server
// process (sweeper.ts): responses left pending by a crash or a failed attempt,
// approval requests whose time ran out, and rate counters older than any baseline.
import { and, eq, lt } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentActivity, alerts } from "@/db/schema";
import { expireApprovals } from "@/lib/approvals/expire-approvals";
import { respondToAlert } from "./respond-to-alert";

/** A response younger than this is still in the hands of the request that raised it. */
const GRACE_MS = 3_000;
const ACTIVITY_KEPT_MS = 2 * 24 * 3_600_000;

export async function sweepRules(db: Db, now = new Date()): Promise<{ responded: number; expired: number }> {
  const pending = await db
    .select({ id: alerts.id })
    .from(alerts)
    .where(and(eq(alerts.responseState, "pending"), lt(alerts.updatedAt, new Date(now.getTime() - GRACE_MS))))
    .limit(20);
  let responded = 0;
  for (const { id } of pending) if (await respondToAlert(db, id)) responded += 1;
  const expired = await expireApprovals(db);
  await db.delete(agentActivity).where(lt(agentActivity.minute, new Date(now.getTime() - ACTIVITY_KEPT_MS)));
  return { responded, expired };
}
