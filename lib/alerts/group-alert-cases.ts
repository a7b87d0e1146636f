// One story, one case. The March 2026 case raises three alerts (the agent's restricted
// reads, its unapproved post, and the person's widening it led to); a responder must
// see them as one thing to contain and declare, not three rows in arrival order.
//
// Alerts join one case when they are about the same agent and their firings lie within
// CASE_WINDOW_MS of each other, or when an alert with no agent (a person's permission
// change) touched a target one of the agent's alerts touched within that window, or
// when they already belong to the same incident. A pure function: the list and the
// declaration (find-alert-case.ts) group the same way.
import { type Severity, severities } from "@/lib/incidents/vocabulary";
import { type AlertSeverity, alertSeverities, incidentSeverityFor } from "@/lib/rules/vocabulary";

export const CASE_WINDOW_MS = 60 * 60_000;

export interface CaseableAlert {
  id: string;
  ruleKey: string;
  severity: string;
  agentId: string | null;
  incidentId: string | null;
  firstSeenAt: Date;
  lastSeenAt: Date;
}

/** What an alert's firings acted on: `type:id` keys and the data's sensitivity. */
export interface AlertTarget {
  key: string;
  sensitivity: string | null;
}

export interface AlertCase {
  /** The case's lead alert (its most severe, then earliest): declaring from it declares the case. */
  id: string;
  /** Oldest first: the story in the order it happened. */
  alertIds: string[];
  agentId: string | null;
  severity: AlertSeverity;
  suggestedSeverity: Severity;
  firstSeenAt: string;
  lastSeenAt: string;
}

const severityRank = (severity: string) => alertSeverities.indexOf(severity as AlertSeverity);

/**
 * The incident severity an alert calls for. Restricted data read outside an agent's
 * clearance, or opened up to more people, is a SEV1 whatever the rule's own level:
 * that is the exposure the March 2026 case was.
 */
export function suggestIncidentSeverity(alert: Pick<CaseableAlert, "ruleKey" | "severity">, targets: readonly AlertTarget[]): Severity {
  const restricted = targets.some((target) => target.sensitivity === "restricted");
  if (restricted && (alert.ruleKey === "restricted-outside-scope" || alert.ruleKey === "permission-widening")) return "SEV1";
  return incidentSeverityFor[alert.severity as AlertSeverity] ?? "SEV3";
}

const near = (a: CaseableAlert, b: CaseableAlert) =>
  a.firstSeenAt.getTime() - b.lastSeenAt.getTime() <= CASE_WINDOW_MS && b.firstSeenAt.getTime() - a.lastSeenAt.getTime() <= CASE_WINDOW_MS;

export function groupAlertCases(alerts: readonly CaseableAlert[], targets: ReadonlyMap<string, readonly AlertTarget[]>): AlertCase[] {
  const parent = new Map(alerts.map((alert) => [alert.id, alert.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  const join = (a: string, b: string) => parent.set(find(a), find(b));
  const targetKeys = (id: string) => new Set((targets.get(id) ?? []).map((target) => target.key));

  for (let i = 0; i < alerts.length; i++) {
    for (let j = i + 1; j < alerts.length; j++) {
      const a = alerts[i] as CaseableAlert;
      const b = alerts[j] as CaseableAlert;
      if (a.incidentId && a.incidentId === b.incidentId) join(a.id, b.id);
      else if (!near(a, b)) continue;
      else if (a.agentId && a.agentId === b.agentId) join(a.id, b.id);
      else if (!a.agentId !== !b.agentId) {
        // A person's change and an agent's alert: the same story when they touched the same thing.
        const agentless = a.agentId ? b : a;
        const other = a.agentId ? a : b;
        const keys = targetKeys(other.id);
        if ([...targetKeys(agentless.id)].some((key) => keys.has(key))) join(a.id, b.id);
      }
    }
  }

  const members = new Map<string, CaseableAlert[]>();
  for (const alert of alerts) members.set(find(alert.id), [...(members.get(find(alert.id)) ?? []), alert]);
  const cases = [...members.values()].map((group): AlertCase => {
    const story = [...group].sort((a, b) => a.firstSeenAt.getTime() - b.firstSeenAt.getTime());
    const lead = [...story].sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0] as CaseableAlert;
    const suggestions = story.map((alert) => suggestIncidentSeverity(alert, targets.get(alert.id) ?? []));
    return {
      id: lead.id,
      alertIds: story.map((alert) => alert.id),
      agentId: story.find((alert) => alert.agentId)?.agentId ?? null,
      severity: lead.severity as AlertSeverity,
      suggestedSeverity: severities.find((level) => suggestions.includes(level)) ?? "SEV3",
      firstSeenAt: (story[0] as CaseableAlert).firstSeenAt.toISOString(),
      lastSeenAt: new Date(Math.max(...story.map((alert) => alert.lastSeenAt.getTime()))).toISOString(),
    };
  });
  // Most severe first; among equals, the one still moving.
  return cases.sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.lastSeenAt.localeCompare(a.lastSeenAt));
}
