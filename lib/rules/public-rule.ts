// A rule as the API and the Settings page show it.
import type { ParamField } from "./catalog";
import type { EffectiveRule } from "./load-rules";

export interface PublicRule {
  key: string;
  name: string;
  description: string;
  enabled: boolean;
  severity: string;
  response: string;
  params: Record<string, unknown>;
  agents: { include: string[]; exclude: string[] };
  environments: string[];
  fields: ParamField[];
  defaults: { enabled: boolean; severity: string; response: string; params: Record<string, unknown> };
  updatedAt: string | null;
  updatedBy: string | null;
}

export function toPublicRule(rule: EffectiveRule): PublicRule {
  return {
    key: rule.key,
    name: rule.definition.name,
    description: rule.definition.description,
    enabled: rule.enabled,
    severity: rule.severity,
    response: rule.response,
    params: rule.params,
    agents: { include: rule.includeAgentIds, exclude: rule.excludeAgentIds },
    environments: rule.environments,
    fields: rule.definition.fields,
    defaults: rule.definition.defaults,
    updatedAt: rule.updatedAt?.toISOString() ?? null,
    updatedBy: rule.updatedBy,
  };
}
