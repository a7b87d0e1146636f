// One alert with its firings: which action matched, when, and why.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alertFirings, alerts } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { selectAlerts } from "./list-alerts";
import type { PublicAlert } from "./public-alert";

export interface AlertDetail extends PublicAlert {
  recentFirings: { actionSeq: number | null; firedAt: string; reason: string }[];
}

export async function getAlert(db: Db, caller: Caller, id: string): Promise<AlertDetail> {
  authorize(caller, "console:read");
  if (!isUuid(id)) throw notFound("The alert");
  const [alert] = await selectAlerts(db, eq(alerts.id, id), 1);
  if (!alert) throw notFound("The alert");
  const firings = await db
    .select({ actionSeq: alertFirings.actionId, firedAt: alertFirings.firedAt, reason: alertFirings.reason })
    .from(alertFirings)
    .where(eq(alertFirings.alertId, id))
    .orderBy(desc(alertFirings.firedAt), desc(alertFirings.id))
    .limit(50);
  return { ...alert, recentFirings: firings.map((firing) => ({ ...firing, firedAt: firing.firedAt.toISOString() })) };
}
