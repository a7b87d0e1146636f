// The rules as they run now: the catalogue's defaults overlaid with admins' settings.
// Read once per ingested batch (at most a handful of rows), so a change in Settings
// applies to the very next action on every replica.
import type { Queryable } from "@/db/client";
import { ruleSettings } from "@/db/schema";
import type { AgentEnvironment } from "@/lib/agents/vocabulary";
import { type RuleDefinition, type AgentFacts, ruleCatalog } from "./catalog";
import type { AlertSeverity, RuleKey, RuleResponse } from "./vocabulary";

export interface EffectiveRule {
  key: RuleKey;
  definition: RuleDefinition;
  enabled: boolean;
  severity: AlertSeverity;
  response: RuleResponse;
  params: Record<string, unknown>;
  includeAgentIds: string[];
  excludeAgentIds: string[];
  environments: AgentEnvironment[];
  updatedAt: Date | null;
  updatedBy: string | null;
}

export async function loadRules(db: Queryable): Promise<EffectiveRule[]> {
  const rows = await db.select().from(ruleSettings);
  return ruleCatalog.map((definition) => {
    const row = rows.find((candidate) => candidate.key === definition.key);
    // Stored thresholds were valid when saved; a later release may add new ones, so
    // defaults fill what is missing and anything the schema no longer accepts falls back.
    const merged = definition.params.safeParse({ ...definition.defaults.params, ...(row?.params ?? {}) });
    return {
      key: definition.key,
      definition,
      enabled: row?.enabled ?? definition.defaults.enabled,
      severity: row?.severity ?? definition.defaults.severity,
      response: row?.response ?? definition.defaults.response,
      params: merged.success ? merged.data : definition.defaults.params,
      includeAgentIds: row?.includeAgentIds ?? [],
      excludeAgentIds: row?.excludeAgentIds ?? [],
      environments: row?.environments ?? [],
      updatedAt: row?.updatedAt ?? null,
      updatedBy: row?.updatedBy ?? null,
    };
  });
}

/**
 * Whether a rule watches this action's agent. Narrowing a rule to some agents or
 * environments leaves out people's own actions, which have no agent.
 */
export function ruleWatches(rule: EffectiveRule, agent: AgentFacts | null): boolean {
  if (!agent) return !rule.definition.agentsOnly && rule.includeAgentIds.length === 0 && rule.environments.length === 0;
  if (rule.excludeAgentIds.includes(agent.id)) return false;
  if (rule.includeAgentIds.length && !rule.includeAgentIds.includes(agent.id)) return false;
  return rule.environments.length === 0 || rule.environments.includes(agent.environment);
}
