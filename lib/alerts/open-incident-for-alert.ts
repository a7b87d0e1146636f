// Declares the incident an alert calls for, inside the caller's transaction with the
// alert row already locked: prefilled from the alert (title, severity, the agent,
// when it started), and linked back to it, so two presses or a rule and a responder
// at once end with one incident.
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { type Alert, alerts, incidentEvents } from "@/db/schema";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { declareIncident } from "@/lib/incidents/declare-incident";
import type { PublicIncident } from "@/lib/incidents/public-incident";
import type { Severity } from "@/lib/incidents/vocabulary";
import { publishChange } from "@/lib/live/publish-change";
import { incidentSeverityFor } from "@/lib/rules/vocabulary";

export interface IncidentOverrides {
  title?: string;
  severity?: Severity;
  summary?: string;
}

export async function openIncidentForAlert(tx: Tx, caller: Caller, alert: Alert, overrides: IncidentOverrides = {}): Promise<PublicIncident> {
  const now = new Date();
  const detectedAt = alert.createdAt < now ? alert.createdAt : now;
  const startedAt = alert.firstSeenAt < detectedAt ? alert.firstSeenAt : detectedAt;
  // A savepoint inside the caller's transaction: the declaration, its audit entry and
  // the link to the alert commit together.
  const incident = await declareIncident(tx as unknown as Db, caller, {
    title: overrides.title ?? alert.title,
    severity: overrides.severity ?? incidentSeverityFor[alert.severity],
    summary: overrides.summary ?? `Declared from alert ALR-${alert.number} (${alert.ruleKey}).`,
    agentIds: alert.agentId ? [alert.agentId] : [],
    startedAt,
    detectedAt,
  });
  await tx
    .update(alerts)
    .set({ incidentId: incident.id, updatedAt: now, ...(alert.status === "open" && caller.type !== "rule" ? { status: "acknowledged", acknowledgedAt: now, acknowledgedBy: callerLabel(caller) } : {}) })
    .where(eq(alerts.id, alert.id));
  await tx.insert(incidentEvents).values({
    incidentId: incident.id,
    occurredAt: now,
    kind: "alert",
    actor: callerLabel(caller),
    body: `ALR-${alert.number}: ${alert.title}`,
    data: { alertId: alert.id, ruleKey: alert.ruleKey, firstActionId: alert.firstActionId },
  });
  await publishChange(tx, "alerts", alert.id);
  return incident;
}
