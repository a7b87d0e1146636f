// Declares the incident an alert calls for, inside the caller's transaction with the
// alert row already locked. The incident is the alert's whole case (find-alert-case.ts):
// every related live alert is linked to it, its impact starts at the case's earliest
// firing, its agents are the case's agents, and its severity is the one the case
// suggests (overridable). Two presses or a rule and a responder at once end with one
// incident.
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { type Alert, alerts, incidentEvents } from "@/db/schema";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { declareIncident } from "@/lib/incidents/declare-incident";
import type { PublicIncident } from "@/lib/incidents/public-incident";
import { type Severity, severities } from "@/lib/incidents/vocabulary";
import { publishChange } from "@/lib/live/publish-change";
import { findAlertCase } from "./find-alert-case";
import { suggestIncidentSeverity } from "./group-alert-cases";

export interface IncidentOverrides {
  title?: string;
  severity?: Severity;
  summary?: string;
}

const earliest = (dates: Date[]) => new Date(Math.min(...dates.map((date) => date.getTime())));

export async function openIncidentForAlert(tx: Tx, caller: Caller, alert: Alert, overrides: IncidentOverrides = {}): Promise<PublicIncident> {
  const now = new Date();
  const found = await findAlertCase(tx, alert);
  const story = [...found.alerts].sort((a, b) => a.firstSeenAt.getTime() - b.firstSeenAt.getTime());
  const detectedAt = earliest([now, ...story.map((member) => member.createdAt)]);
  const startedAt = earliest([detectedAt, ...story.map((member) => member.firstSeenAt)]);
  const suggested = story.map((member) => suggestIncidentSeverity(member, found.targets.get(member.id) ?? []));
  const agentIds = [...new Set(story.flatMap((member) => (member.agentId ? [member.agentId] : [])))];
  const others = story.filter((member) => member.id !== alert.id);
  // A savepoint inside the caller's transaction: the declaration, its audit entry and
  // the links to the alerts commit together.
  const incident = await declareIncident(tx as unknown as Db, caller, {
    title: overrides.title ?? alert.title,
    severity: overrides.severity ?? severities.find((level) => suggested.includes(level)) ?? "SEV3",
    summary:
      overrides.summary ??
      `Declared from alert ALR-${alert.number} (${alert.ruleKey})${others.length ? ` with ${others.map((member) => `ALR-${member.number}`).join(", ")}` : ""}.`,
    agentIds,
    startedAt,
    detectedAt,
  });
  const person = caller.type !== "rule";
  const byPerson = { status: "acknowledged" as const, acknowledgedAt: now, acknowledgedBy: callerLabel(caller) };
  for (const member of story) {
    await tx
      .update(alerts)
      .set({ incidentId: incident.id, updatedAt: now, ...(member.status === "open" && person ? byPerson : {}) })
      .where(eq(alerts.id, member.id));
  }
  await tx.insert(incidentEvents).values(
    story.map((member) => ({
      incidentId: incident.id,
      occurredAt: now,
      kind: "alert" as const,
      actor: callerLabel(caller),
      body: `ALR-${member.number}: ${member.title}`,
      data: { alertId: member.id, ruleKey: member.ruleKey, firstActionId: member.firstActionId },
    })),
  );
  for (const member of story) await publishChange(tx, "alerts", member.id);
  return incident;
}
