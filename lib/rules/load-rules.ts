// The rules as they run now: the catalogue's defaults overlaid with admins' settings.
// A change in Settings applies to the next batch on this replica and within a second
// on the others (loadRulesCached).
import type { Db, Queryable } from "@/db/client";
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

// Ingest reads the rules on every batch; a second-old copy is as good and spares a
// round trip. A change made in this process clears it at once (forgetRules); other
// replicas see it within a second.
const CACHE_MS = 1000;
// Per database handle: tests (and tools) may hold several databases in one process.
const holder = globalThis as typeof globalThis & { __tourniquetRules?: WeakMap<Db, { at: number; rules: Promise<EffectiveRule[]> }> };
const cache = () => (holder.__tourniquetRules ??= new WeakMap());

/** Drops the cached rules: the next read goes to the database. */
export function forgetRules(db: Db): void {
  cache().delete(db);
}

/** The rules for detection, at most a second old. */
export async function loadRulesCached(db: Db): Promise<EffectiveRule[]> {
  const held = cache().get(db);
  if (held && Date.now() - held.at < CACHE_MS) return held.rules;
  const rules = loadRules(db);
  cache().set(db, { at: Date.now(), rules });
  rules.catch(() => forgetRules(db));
  return rules;
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
