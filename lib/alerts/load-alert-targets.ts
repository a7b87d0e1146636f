// What each alert's firings acted on (target and the data's sensitivity), for grouping
// alerts into cases and for the severity a case suggests. Firings keep only a few
// actions per alert as evidence, so this stays small whatever the alert's size.
import { inArray, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { actions, alertFirings } from "@/db/schema";
import type { AlertTarget } from "./group-alert-cases";

export async function loadAlertTargets(db: Queryable, alertIds: readonly string[]): Promise<Map<string, AlertTarget[]>> {
  const targets = new Map<string, AlertTarget[]>();
  if (alertIds.length === 0) return targets;
  const rows = await db
    .selectDistinct({ alertId: alertFirings.alertId, type: actions.targetType, id: actions.targetId, sensitivity: actions.sensitivity })
    .from(alertFirings)
    .innerJoin(actions, eq(actions.id, alertFirings.actionId))
    .where(inArray(alertFirings.alertId, [...alertIds]));
  for (const row of rows) {
    if (row.type === null && row.id === null && row.sensitivity === null) continue;
    const list = targets.get(row.alertId) ?? [];
    list.push({ key: `${row.type ?? ""}:${row.id ?? ""}`, sensitivity: row.sensitivity });
    targets.set(row.alertId, list);
  }
  return targets;
}
