// Turns rule firings into alerts, inside the transaction that stored the actions:
// the alert commits with the action it is about, or not at all. Firings of one rule
// on one subject (an agent, or a target a person opened up) join the live alert of
// that group instead of opening a new one; a resolved or dismissed alert closes its group.
//
// Lock order: alert rows (in group-key order, so two batches never wait on each
// other in a circle), then the audit chain's lock, last, and only for new alerts.
import { sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { alertFirings, alerts } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { ruleCaller } from "@/lib/auth/caller";
import { publishChange } from "@/lib/live/publish-change";
import type { AgentFacts, Finding, ObservedAction } from "@/lib/rules/catalog";
import type { EffectiveRule } from "@/lib/rules/load-rules";
import type { ResponseState, RuleResponse } from "@/lib/rules/vocabulary";

export interface Firing {
  rule: EffectiveRule;
  agent: AgentFacts | null;
  /** The action that matched; none for a rule that looks at counts. */
  action: ObservedAction | null;
  at: Date;
  finding: Finding;
}

export interface RaisedAlert {
  id: string;
  ruleKey: string;
  created: boolean;
  response: RuleResponse;
  responseState: ResponseState;
}

/** Firings kept per alert per batch: enough to show the pattern, bounded under a flood. */
const FIRINGS_KEPT_PER_BATCH = 5;

function groupKeyOf(firing: Firing): string {
  return `${firing.rule.key}:${firing.finding.subject?.key ?? `agent:${firing.agent?.id ?? "none"}`}`;
}

export async function raiseAlerts(tx: Tx, firings: Firing[]): Promise<RaisedAlert[]> {
  if (firings.length === 0) return [];
  const groups = new Map<string, Firing[]>();
  for (const firing of firings) {
    const key = groupKeyOf(firing);
    groups.set(key, [...(groups.get(key) ?? []), firing]);
  }

  // One statement for the whole batch; its rows are in group-key order, which is the
  // order PostgreSQL takes their locks in.
  const sorted = [...groups].sort(([a], [b]) => a.localeCompare(b));
  const rows = await tx
    .insert(alerts)
    .values(
      sorted.map(([groupKey, group]) => {
        const first = group[0] as Firing;
        const last = group.reduce((latest, firing) => (firing.at > latest.at ? firing : latest), first);
        const earliest = group.reduce((soonest, firing) => (firing.at < soonest.at ? firing : soonest), first);
        const { rule } = first;
        const subject = first.agent?.name ?? first.finding.subject?.label ?? "unknown";
        return {
          ruleKey: rule.key,
          severity: rule.severity,
          groupKey,
          agentId: first.agent?.id ?? null,
          subject,
          title: `${rule.definition.name}: ${subject}`,
          firstActionId: earliest.action?.id ?? null,
          lastActionId: last.action?.id ?? null,
          firstSeenAt: earliest.at,
          lastSeenAt: last.at,
          firings: group.length,
          response: rule.response,
          responseState: rule.response === "alert" ? ("none" as const) : ("pending" as const),
        };
      }),
    )
    .onConflictDoUpdate({
      target: alerts.groupKey,
      targetWhere: sql`${alerts.status} in ('open', 'acknowledged')`,
      // A contain rule acts on every new firing (the agent may have been restored since);
      // a declare rule only while its alert has no incident yet.
      set: {
        severity: sql`excluded.severity`,
        lastActionId: sql`coalesce(excluded.last_action_id, ${alerts.lastActionId})`,
        lastSeenAt: sql`greatest(${alerts.lastSeenAt}, excluded.last_seen_at)`,
        firings: sql`${alerts.firings} + excluded.firings`,
        response: sql`excluded.response`,
        responseState: sql`case
          when excluded.response = 'contain' then 'pending'::response_state
          when excluded.response = 'declare' and ${alerts.incidentId} is null then 'pending'::response_state
          else ${alerts.responseState} end`,
        updatedAt: sql`now()`,
      },
    })
    .returning({
      id: alerts.id,
      groupKey: alerts.groupKey,
      created: sql<boolean>`(xmax = 0)`,
      response: alerts.response,
      responseState: alerts.responseState,
    });
  const raised: (RaisedAlert & { group: Firing[] })[] = sorted.map(([groupKey, group]) => {
    const row = rows.find((candidate) => candidate.groupKey === groupKey);
    if (!row) throw new Error("alert upsert returned no row");
    return { id: row.id, ruleKey: (group[0] as Firing).rule.key, created: row.created, response: row.response, responseState: row.responseState, group };
  });

  await tx.insert(alertFirings).values(
    raised.flatMap((alert) =>
      alert.group.slice(0, FIRINGS_KEPT_PER_BATCH).map((firing) => ({
        alertId: alert.id,
        actionId: firing.action?.id ?? null,
        firedAt: firing.at,
        reason: firing.finding.reason.slice(0, 1000),
      })),
    ),
  );
  await publishChange(tx, "alerts");

  // A new alert is a rule's change and goes to the audit log; a firing that joins a
  // live alert is evidence (its row in alert_firings), as an action is, and takes no
  // lock shared by every batch.
  for (const alert of raised) {
    if (!alert.created) continue;
    const first = alert.group[0] as Firing;
    await recordAuditEntry(tx, ruleCaller(alert.ruleKey), {
      action: "alert.raised",
      target: { type: "alert", id: alert.id },
      after: {
        rule: alert.ruleKey,
        severity: first.rule.severity,
        agentId: first.agent?.id ?? null,
        firings: alert.group.length,
        actionIds: alert.group.slice(0, 10).map((firing) => firing.action?.id ?? null),
        reason: first.finding.reason.slice(0, 500),
        response: alert.response,
      },
    });
  }
  return raised.map(({ group: _group, ...alert }) => alert);
}
