// The rate rule. It looks at counts, not at one action, so it runs after the ingest
// transaction commits: each batch adds its actions to per-agent, per-minute counters
// (one statement), then compares each agent's last window with its own average over
// the baseline period before it. A spike raises at most one firing per agent per window.
import { and, eq, inArray, max, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows-of";
import { alerts } from "@/db/schema";
import { type Firing, type RaisedAlert, raiseAlerts } from "@/lib/alerts/raise-alerts";
import type { ObservedAction } from "./catalog";
import type { DetectionInputs } from "./load-detection-inputs";
import { liveAlertStatuses } from "./vocabulary";
import { ruleWatches } from "./load-rules";

const MINUTE = 60_000;
const floorMinute = (date: Date) => new Date(Math.floor(date.getTime() / MINUTE) * MINUTE);

interface RateParams {
  windowMinutes: number;
  baselineMinutes: number;
  factor: number;
  minActions: number;
}

export async function checkActionRates(
  db: Db,
  observed: Pick<ObservedAction, "id" | "agentId" | "actorType" | "occurredAt">[],
  inputs: DetectionInputs,
): Promise<RaisedAlert[]> {
  // The counters only matter to the rate rule; they start counting when it is on.
  const rule = inputs.rules.find((candidate) => candidate.key === "rate-spike");
  if (!rule?.enabled) return [];
  const counts = new Map<string, { agentId: string; minute: Date; actions: number }>();
  const latest = new Map<string, Pick<ObservedAction, "id" | "occurredAt">>();
  for (const action of observed) {
    if (!action.agentId || action.actorType !== "agent") continue;
    const minute = floorMinute(action.occurredAt);
    const key = `${action.agentId}|${minute.toISOString()}`;
    const entry = counts.get(key) ?? { agentId: action.agentId, minute, actions: 0 };
    entry.actions += 1;
    counts.set(key, entry);
    const seen = latest.get(action.agentId);
    if (!seen || seen.occurredAt < action.occurredAt) latest.set(action.agentId, action);
  }
  if (counts.size === 0) return [];

  // Sorted, so concurrent batches lock the same counters in the same order; one JSON
  // parameter, however many agents and minutes the batch spans.
  const rows = [...counts.values()].sort((a, b) => a.agentId.localeCompare(b.agentId) || a.minute.getTime() - b.minute.getTime());
  const counters = JSON.stringify(rows.map((row) => ({ agent_id: row.agentId, minute: row.minute.toISOString(), actions: row.actions })));
  await db.execute(sql`
    insert into agent_activity (agent_id, minute, actions)
    select agent_id, minute, actions from json_populate_recordset(null::agent_activity, ${counters}::json)
    on conflict (agent_id, minute) do update set actions = agent_activity.actions + excluded.actions`);

  const params = rule.params as unknown as RateParams;
  const watched = [...latest.keys()].flatMap((id) => {
    const agent = inputs.agents.get(id);
    return agent && ruleWatches(rule, agent) ? [agent] : [];
  });
  if (watched.length === 0) return [];

  // Each agent's window ends at the minute of its latest action in the batch; the sums
  // are made by the database, one row per agent.
  const ends = JSON.stringify(watched.map((agent) => ({ agent_id: agent.id, minute: floorMinute((latest.get(agent.id) as ObservedAction).occurredAt).toISOString() })));
  const sums = rowsOf<{ agent_id: string; recent: string | number | null; before: string | number | null }>(
    await db.execute(sql`
      select ends.agent_id,
        sum(activity.actions) filter (where activity.minute > ends.minute - make_interval(mins => ${params.windowMinutes})) as recent,
        sum(activity.actions) filter (where activity.minute <= ends.minute - make_interval(mins => ${params.windowMinutes})) as before
      from json_populate_recordset(null::agent_activity, ${ends}::json) as ends
      join agent_activity activity on activity.agent_id = ends.agent_id
        and activity.minute <= ends.minute
        and activity.minute > ends.minute - make_interval(mins => ${params.windowMinutes + params.baselineMinutes})
      group by ends.agent_id`),
  );
  const firings: Firing[] = [];
  for (const agent of watched) {
    const last = latest.get(agent.id) as Pick<ObservedAction, "id" | "occurredAt">;
    const sum = sums.find((row) => row.agent_id === agent.id);
    const recent = Number(sum?.recent ?? 0);
    const before = Number(sum?.before ?? 0);
    const baselinePerWindow = (before * params.windowMinutes) / params.baselineMinutes;
    if (recent < params.minActions || recent <= params.factor * baselinePerWindow) continue;
    firings.push({
      rule,
      agent,
      action: { id: last.id } as ObservedAction,
      at: last.occurredAt,
      finding: {
        reason: `${recent} actions in ${params.windowMinutes} min against a baseline of ${baselinePerWindow.toFixed(1)} per ${params.windowMinutes} min (${params.factor}× allowed, at least ${params.minActions})`,
      },
    });
  }
  if (firings.length === 0) return [];
  // Agents whose live rate alert saw a firing within the window are left alone until it passes.
  const recentAlerts = await db
    .select({ agentId: alerts.agentId, lastSeenAt: max(alerts.lastSeenAt) })
    .from(alerts)
    .where(
      and(
        eq(alerts.ruleKey, rule.key),
        inArray(alerts.status, [...liveAlertStatuses]),
        inArray(alerts.agentId, firings.map((firing) => firing.agent?.id ?? "")),
      ),
    )
    .groupBy(alerts.agentId);
  const fresh = firings.filter((firing) => {
    const alerted = recentAlerts.find((alert) => alert.agentId === firing.agent?.id)?.lastSeenAt;
    return !alerted || alerted.getTime() <= firing.at.getTime() - params.windowMinutes * MINUTE;
  });
  if (fresh.length === 0) return [];
  return db.transaction((tx) => raiseAlerts(tx, fresh));
}
