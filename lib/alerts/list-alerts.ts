// Alerts, newest activity first, with the filters the alerts view and the API offer,
// and how many wait for a person (open) per severity.
import { and, count, desc, eq, getTableColumns, inArray, or, gte, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { agents, alerts, incidents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { alertSeverities, alertStatuses, ruleKeys } from "@/lib/rules/vocabulary";
import { type AlertCase, groupAlertCases } from "./group-alert-cases";
import { loadAlertTargets } from "./load-alert-targets";
import { type PublicAlert, toPublicAlert } from "./public-alert";

export const alertFilterInput = z.strictObject({
  status: z.enum(alertStatuses, { message: `status is one of ${alertStatuses.join(", ")}.` }).optional(),
  rule: z.enum(ruleKeys, { message: "rule is a rule key." }).optional(),
  severity: z.enum(alertSeverities).optional(),
  agentId: z.uuid({ message: "agentId is an agent id." }).optional(),
  incidentId: z.uuid({ message: "incidentId is an incident id." }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AlertFilter = z.output<typeof alertFilterInput>;

export interface AlertList {
  alerts: PublicAlert[];
  /** The listed alerts grouped into cases (group-alert-cases.ts), most severe first. */
  cases: AlertCase[];
  waiting: { total: number; bySeverity: Record<string, number> };
}

export async function selectAlerts(db: Queryable, where: SQL | undefined, limit: number): Promise<PublicAlert[]> {
  const rows = await db
    .select({ alert: getTableColumns(alerts), agent: { id: agents.id, name: agents.name, status: agents.status }, incidentNumber: incidents.number })
    .from(alerts)
    .leftJoin(agents, eq(agents.id, alerts.agentId))
    .leftJoin(incidents, eq(incidents.id, alerts.incidentId))
    .where(where)
    .orderBy(desc(alerts.lastSeenAt), desc(alerts.number))
    .limit(limit);
  return rows.map((row) => toPublicAlert(row.alert, row.agent?.id ? row.agent : null, row.incidentNumber ?? null));
}

export async function listAlerts(db: Db, caller: Caller, filter: AlertFilter): Promise<AlertList> {
  authorize(caller, "console:read");
  const where = and(
    filter.status ? eq(alerts.status, filter.status) : undefined,
    filter.rule ? eq(alerts.ruleKey, filter.rule) : undefined,
    filter.severity ? eq(alerts.severity, filter.severity) : undefined,
    filter.agentId ? eq(alerts.agentId, filter.agentId) : undefined,
    filter.incidentId ? eq(alerts.incidentId, filter.incidentId) : undefined,
  );
  const list = await selectAlerts(db, where, filter.limit);
  const cases = groupAlertCases(
    list.map((alert) => ({
      id: alert.id,
      ruleKey: alert.rule,
      severity: alert.severity,
      agentId: alert.agent?.id ?? null,
      incidentId: alert.incidentId,
      firstSeenAt: new Date(alert.firstSeenAt),
      lastSeenAt: new Date(alert.lastSeenAt),
    })),
    await loadAlertTargets(db, list.map((alert) => alert.id)),
  );
  const waiting = await db.select({ severity: alerts.severity, count: count() }).from(alerts).where(eq(alerts.status, "open")).groupBy(alerts.severity);
  return {
    alerts: list,
    cases,
    waiting: {
      total: waiting.reduce((sum, row) => sum + row.count, 0),
      bySeverity: Object.fromEntries(waiting.map((row) => [row.severity, row.count])),
    },
  };
}

/** Alerts behind an incident: raised for it, or on its agents since its impact began. */
export async function incidentAlerts(db: Queryable, incidentId: string, agentIds: string[], since: Date): Promise<PublicAlert[]> {
  return selectAlerts(
    db,
    or(eq(alerts.incidentId, incidentId), agentIds.length ? and(inArray(alerts.agentId, agentIds), gte(alerts.lastSeenAt, since)) : undefined),
    100,
  );
}
