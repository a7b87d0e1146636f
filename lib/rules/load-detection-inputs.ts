// What the rules need to judge a batch, read in three small queries (the rule
// settings, the batch's agents, the approvals it names) and nothing per action.
import { inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { agents, approvals } from "@/db/schema";
import type { AgentFacts, ApprovalFacts, ObservedAction } from "./catalog";
import { type EffectiveRule, loadRules } from "./load-rules";

export interface DetectionInputs {
  rules: EffectiveRule[];
  agents: Map<string, AgentFacts>;
  approvals: Map<string, ApprovalFacts>;
}

/**
 * `known`: agents the caller already read (the ingest verb's lookup), and `rules` it
 * already holds (loadRulesCached), each spared a query.
 */
export async function loadDetectionInputs(
  db: Queryable,
  observed: Pick<ObservedAction, "agentId" | "approvalId">[],
  given: { known?: ReadonlyMap<string, AgentFacts>; rules?: EffectiveRule[] } = {},
): Promise<DetectionInputs> {
  const known = given.known ?? new Map<string, AgentFacts>();
  const rules = observed.length ? (given.rules ?? (await loadRules(db))) : [];
  if (!rules.some((rule) => rule.enabled)) return { rules, agents: new Map(), approvals: new Map() };
  const agentIds = [...new Set(observed.map((action) => action.agentId).filter((id): id is string => id !== null && !known.has(id)))];
  const approvalIds = [...new Set(observed.map((action) => action.approvalId).filter((id): id is string => id !== null))];
  const agentRows: AgentFacts[] = agentIds.length
    ? await db
        .select({ id: agents.id, name: agents.name, scopes: agents.scopes, environment: agents.environment, status: agents.status })
        .from(agents)
        .where(inArray(agents.id, agentIds))
    : [];
  const approvalRows: ApprovalFacts[] = approvalIds.length
    ? await db
        .select({
          id: approvals.id,
          agentId: approvals.agentId,
          kind: approvals.kind,
          status: approvals.status,
          targetType: approvals.targetType,
          targetId: approvals.targetId,
          decidedAt: approvals.decidedAt,
        })
        .from(approvals)
        .where(inArray(approvals.id, approvalIds))
    : [];
  return {
    rules,
    agents: new Map([...known, ...agentRows.map((agent) => [agent.id, agent] as const)]),
    approvals: new Map(approvalRows.map((approval) => [approval.id, approval])),
  };
}
