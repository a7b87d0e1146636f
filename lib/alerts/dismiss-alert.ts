// A responder dismisses an alert as not a problem, with a reason: it closes the
// alert's group, so the next firing opens a fresh alert rather than hiding in this one.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { alerts } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { conflict } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { getAlert, type AlertDetail } from "./get-alert";
import { lockAlert } from "./lock-alert";

export const dismissInput = z.strictObject({
  reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)." }).max(1000),
});

export async function dismissAlert(db: Db, caller: Caller, id: string, raw: z.infer<typeof dismissInput>): Promise<AlertDetail> {
  // Parsed here too, not only in the route: the verb is the boundary.
  const input = dismissInput.parse(raw);
  authorize(caller, "incidents:act");
  await db.transaction(async (tx) => {
    const alert = await lockAlert(tx, id);
    if (alert.status === "dismissed") return;
    if (alert.status === "resolved") throw conflict("This alert's incident was resolved; there is nothing left to dismiss.");
    const now = new Date();
    await tx
      .update(alerts)
      .set({ status: "dismissed", dismissedAt: now, dismissedBy: callerLabel(caller), dismissReason: input.reason, updatedAt: now })
      .where(eq(alerts.id, id));
    await publishChange(tx, "alerts", id);
    await recordAuditEntry(tx, caller, { action: "alert.dismissed", target: { type: "alert", id }, before: { status: alert.status }, after: { status: "dismissed", reason: input.reason } });
  });
  return getAlert(db, caller, id);
}
