// A responder says "I have it": the alert stops waiting for a person. Later firings
// keep joining it. Acknowledging twice changes nothing.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alerts } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { conflict } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { getAlert, type AlertDetail } from "./get-alert";
import { lockAlert } from "./lock-alert";

export async function acknowledgeAlert(db: Db, caller: Caller, id: string): Promise<AlertDetail> {
  authorize(caller, "incidents:act");
  await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, id);
    if (alert.status === "acknowledged") return;
    if (alert.status === "dismissed" || alert.status === "resolved") throw conflict(`This alert was ${alert.status}; a new firing opens a new alert.`);
    const now = new Date();
    await tx.update(alerts).set({ status: "acknowledged", acknowledgedAt: now, acknowledgedBy: callerLabel(caller), updatedAt: now }).where(eq(alerts.id, id));
    await publishChange(tx, "alerts", id);
    await recordAuditEntry(tx, caller, { action: "alert.acknowledged", target: { type: "alert", id }, before: { status: alert.status }, after: { status: "acknowledged" } });
  });
  return getAlert(db, caller, id);
}
