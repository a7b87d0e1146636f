// An admin tunes a rule: on or off, severity, what the circuit breaker does, its
// thresholds, and which agents and environments it watches. Thresholds are checked by
// the rule's own schema; the change and its audit entry commit together.
import { inArray } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agents, ruleSettings } from "@/db/schema";
import { agentEnvironments } from "@/lib/agents/vocabulary";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { invalidInput, notFound } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { ruleDefinition } from "./catalog";
import { forgetRules, loadRules } from "./load-rules";
import { type PublicRule, toPublicRule } from "./public-rule";
import { alertSeverities, ruleResponses } from "./vocabulary";

export const updateRuleInput = z.strictObject({
  enabled: z.boolean().optional(),
  severity: z.enum(alertSeverities, { message: `severity is one of ${alertSeverities.join(", ")}.` }).optional(),
  response: z.enum(ruleResponses, { message: `response is one of ${ruleResponses.join(", ")}.` }).optional(),
  params: z.record(z.string(), z.unknown()).optional(),
  agents: z
    .strictObject({
      include: z.array(z.uuid({ message: "agents are agent ids." })).max(500).optional(),
      exclude: z.array(z.uuid({ message: "agents are agent ids." })).max(500).optional(),
    })
    .optional(),
  environments: z.array(z.enum(agentEnvironments)).max(agentEnvironments.length).optional(),
});
export type UpdateRuleInput = z.infer<typeof updateRuleInput>;

export async function updateRule(db: Db, caller: Caller, key: string, raw: UpdateRuleInput): Promise<PublicRule> {
  // Parsed here too, not only in the route: the verb is the boundary.
  const input = updateRuleInput.parse(raw);
  authorize(caller, "settings:manage");
  const definition = ruleDefinition(key);
  if (!definition) throw notFound("The rule");

  const updated = await db.transaction(async (tx) => {
    // Serialises concurrent edits of one rule: each reads what the last one wrote.
    await tx.insert(ruleSettings).values({ key, ...definition.defaults }).onConflictDoNothing();
    const [locked] = await tx.select().from(ruleSettings).where(inArray(ruleSettings.key, [key])).for("update");
    const current = (await loadRules(tx)).find((rule) => rule.key === key);
    if (!locked || !current) throw notFound("The rule");

    const params = definition.params.safeParse({ ...current.params, ...(input.params ?? {}) });
    if (!params.success) {
      throw invalidInput(
        "These thresholds are not valid for this rule.",
        params.error.issues.map((issue) => ({ path: ["params", ...issue.path].join("."), message: issue.message })),
      );
    }
    const named = [...(input.agents?.include ?? []), ...(input.agents?.exclude ?? [])];
    if (named.length) {
      const known = await tx.select({ id: agents.id }).from(agents).where(inArray(agents.id, named));
      const unknown = named.filter((id) => !known.some((row) => row.id === id));
      if (unknown.length) throw invalidInput("Some agents do not exist.", unknown.map((id) => ({ path: "agents", message: `no agent ${id}` })));
    }

    const next = {
      enabled: input.enabled ?? current.enabled,
      severity: input.severity ?? current.severity,
      response: input.response ?? current.response,
      params: params.data,
      includeAgentIds: input.agents?.include ?? current.includeAgentIds,
      excludeAgentIds: input.agents?.exclude ?? current.excludeAgentIds,
      environments: input.environments ?? current.environments,
    };
    await tx
      .update(ruleSettings)
      .set({ ...next, updatedAt: new Date(), updatedBy: callerLabel(caller) })
      .where(inArray(ruleSettings.key, [key]));
    await publishChange(tx, "rules");
    await recordAuditEntry(tx, caller, {
      action: "rule.updated",
      target: { type: "rule", id: key },
      before: {
        enabled: current.enabled,
        severity: current.severity,
        response: current.response,
        params: current.params,
        agents: { include: current.includeAgentIds, exclude: current.excludeAgentIds },
        environments: current.environments,
      },
      after: { ...next, agents: { include: next.includeAgentIds, exclude: next.excludeAgentIds } },
    });
    const after = (await loadRules(tx)).find((rule) => rule.key === key);
    if (!after) throw notFound("The rule");
    return toPublicRule(after);
  });
  forgetRules(db);
  return updated;
}
