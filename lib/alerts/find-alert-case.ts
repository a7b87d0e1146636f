// The case an alert belongs to when someone declares from it: the live alerts not yet
// behind an incident that group with it (group-alert-cases.ts), itself included. Rows
// are locked; a sibling another declaration holds right now is left to that one
// (SKIP LOCKED), so two presses never wait on each other.
import { and, gte, inArray, isNull, lte, ne } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Alert, alerts } from "@/db/schema";
import { liveAlertStatuses } from "@/lib/rules/vocabulary";
import { type AlertTarget, CASE_WINDOW_MS, groupAlertCases } from "./group-alert-cases";
import { loadAlertTargets } from "./load-alert-targets";

/** A case is a story of minutes to hours; more live alerts than this around one is a flood, not a story. */
const MAX_CANDIDATES = 200;

export async function findAlertCase(tx: Tx, alert: Alert): Promise<{ alerts: Alert[]; targets: Map<string, AlertTarget[]> }> {
  const candidates = await tx
    .select()
    .from(alerts)
    .where(
      and(
        ne(alerts.id, alert.id),
        inArray(alerts.status, [...liveAlertStatuses]),
        isNull(alerts.incidentId),
        gte(alerts.lastSeenAt, new Date(alert.firstSeenAt.getTime() - CASE_WINDOW_MS)),
        lte(alerts.firstSeenAt, new Date(alert.lastSeenAt.getTime() + CASE_WINDOW_MS)),
      ),
    )
    .limit(MAX_CANDIDATES)
    .for("update", { skipLocked: true });
  const all = [alert, ...candidates];
  const targets = await loadAlertTargets(tx, all.map((row) => row.id));
  const found = groupAlertCases(all, targets).find((group) => group.alertIds.includes(alert.id));
  const ids = new Set(found?.alertIds ?? [alert.id]);
  return { alerts: all.filter((row) => ids.has(row.id)), targets };
}
