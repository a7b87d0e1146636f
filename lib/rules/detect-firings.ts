// Runs every enabled per-action rule over a batch of stored actions. It reads what
// the rules need in three small queries per batch (rule settings, the batch's agents,
// the approvals the batch names) and nothing per action, so ingest stays fast.
import { inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agents, approvals } from "@/db/schema";
import type { Firing } from "@/lib/alerts/raise-alerts";
import type { AgentFacts, ApprovalFacts, ObservedAction } from "./catalog";
import { type EffectiveRule, loadRules, ruleWatches } from "./load-rules";

export async function detectFirings(tx: Tx, observed: ObservedAction[], rules?: EffectiveRule[]): Promise<Firing[]> {
  if (observed.length === 0) return [];
  const active = (rules ?? (await loadRules(tx))).filter((rule) => rule.enabled && rule.definition.detect);
  if (active.length === 0) return [];

  const agentIds = [...new Set(observed.map((action) => action.agentId).filter((id): id is string => id !== null))];
  const approvalIds = [...new Set(observed.map((action) => action.approvalId).filter((id): id is string => id !== null))];
  const agentRows: AgentFacts[] = agentIds.length
    ? await tx
        .select({ id: agents.id, name: agents.name, scopes: agents.scopes, environment: agents.environment, status: agents.status })
        .from(agents)
        .where(inArray(agents.id, agentIds))
    : [];
  const approvalRows: ApprovalFacts[] = approvalIds.length
    ? await tx
        .select({ id: approvals.id, agentId: approvals.agentId, kind: approvals.kind, status: approvals.status })
        .from(approvals)
        .where(inArray(approvals.id, approvalIds))
    : [];
  const agentById = new Map(agentRows.map((agent) => [agent.id, agent]));
  const approvalById = new Map(approvalRows.map((approval) => [approval.id, approval]));

  const firings: Firing[] = [];
  for (const action of observed) {
    const agent = action.agentId ? (agentById.get(action.agentId) ?? null) : null;
    // A person's access through an agent's work is the agent's only if the agent did it.
    const actingAgent = action.actorType === "agent" ? agent : null;
    const context = { agent: actingAgent, approval: action.approvalId ? (approvalById.get(action.approvalId) ?? null) : null };
    for (const rule of active) {
      if (rule.definition.agentsOnly && !actingAgent) continue;
      if (!ruleWatches(rule, actingAgent)) continue;
      const finding = rule.definition.detect?.(action, context, rule.params);
      if (finding) firings.push({ rule, agent: actingAgent, action, at: action.occurredAt, finding });
    }
  }
  return firings;
}
