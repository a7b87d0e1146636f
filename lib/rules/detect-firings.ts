// Runs every enabled per-action rule over a batch of stored actions: a pure function
// of the actions and what loadDetectionInputs read for them.
import type { Firing } from "@/lib/alerts/raise-alerts";
import type { ObservedAction } from "./catalog";
import type { DetectionInputs } from "./load-detection-inputs";
import { ruleWatches } from "./load-rules";

export function detectFirings(observed: ObservedAction[], inputs: DetectionInputs): Firing[] {
  const active = inputs.rules.filter((rule) => rule.enabled && rule.definition.detect);
  if (active.length === 0) return [];
  const firings: Firing[] = [];
  for (const action of observed) {
    // A person's access through an agent's work is the agent's only if the agent did it.
    const agent = action.actorType === "agent" && action.agentId ? (inputs.agents.get(action.agentId) ?? null) : null;
    const context = { agent, approval: action.approvalId ? (inputs.approvals.get(action.approvalId) ?? null) : null };
    for (const rule of active) {
      if (rule.definition.agentsOnly && !agent) continue;
      if (!ruleWatches(rule, agent)) continue;
      const finding = rule.definition.detect?.(action, context, rule.params);
      if (finding) firings.push({ rule, agent, action, at: action.occurredAt, finding });
    }
  }
  return firings;
}
