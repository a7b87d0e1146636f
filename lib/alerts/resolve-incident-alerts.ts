// An incident was resolved or closed: the alerts behind it are resolved with it, in
// the caller's transaction (before its audit entry), so their groups close.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { alerts } from "@/db/schema";
import { publishChange } from "@/lib/live/publish-change";
import { liveAlertStatuses } from "@/lib/rules/vocabulary";

export async function resolveIncidentAlerts(tx: Tx, incidentId: string, at: Date): Promise<number> {
  const resolved = await tx
    .update(alerts)
    .set({ status: "resolved", updatedAt: at })
    .where(and(eq(alerts.incidentId, incidentId), inArray(alerts.status, [...liveAlertStatuses])))
    .returning({ id: alerts.id });
  if (resolved.length) await publishChange(tx, "alerts");
  return resolved.length;
}
