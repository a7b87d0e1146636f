// Requests nobody answered in time end as denied: an agent waiting on silence must
// not proceed. Run on every read of a request and by the server's sweeper.
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Db } from "@/db/client";
import { approvals } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { systemCaller } from "@/lib/auth/caller";
import { publishChange } from "@/lib/live/publish-change";
import { EXPIRY_DECIDER } from "./public-approval";

export async function expireApprovals(db: Db, ids?: string[]): Promise<number> {
  const now = new Date();
  return db.transaction(async (tx) => {
    // Row locks first (SKIP LOCKED: a decision in progress wins), the audit lock last.
    const due = await tx
      .select({ id: approvals.id })
      .from(approvals)
      .where(and(eq(approvals.status, "pending"), lte(approvals.expiresAt, now), ids ? inArray(approvals.id, ids) : undefined))
      .limit(500)
      .for("update", { skipLocked: true });
    if (due.length === 0) return 0;
    await tx
      .update(approvals)
      .set({ status: "denied", decidedAt: now, decidedBy: EXPIRY_DECIDER, reason: "Expired: nobody answered in time, so it is denied." })
      .where(inArray(approvals.id, due.map((row) => row.id)));
    await publishChange(tx, "approvals");
    for (const { id } of due) {
      await recordAuditEntry(tx, systemCaller("approval-expiry"), {
        action: "approval.expired",
        target: { type: "approval", id },
        before: { status: "pending" },
        after: { status: "denied", expired: true },
      });
    }
    return due.length;
  });
}
