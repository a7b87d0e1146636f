// What needs approval, as the rules say now: an agent (or the gateway in front of
// it) reads this to know when to ask before acting.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { unauthorized } from "@/lib/errors";
import { loadRules, ruleWatches } from "@/lib/rules/load-rules";

export interface ApprovalRequirement {
  rule: string;
  kinds: string[];
  /** Only for these target types (empty: any target). */
  targetTypes: string[];
  /** Only on targets at least this sensitive. */
  minSensitivity: string;
  description: string;
}

export async function approvalRequirements(db: Db, caller: Caller | null): Promise<ApprovalRequirement[]> {
  if (!caller) throw unauthorized();
  if (caller.type !== "agent") authorize(caller, "console:read");
  const rules = (await loadRules(db)).filter((rule) => rule.enabled);
  let agent = null;
  if (caller.type === "agent") {
    [agent] = await db
      .select({ id: agents.id, name: agents.name, scopes: agents.scopes, environment: agents.environment, status: agents.status })
      .from(agents)
      .where(eq(agents.id, caller.id));
  }
  const applies = (rule: (typeof rules)[number]) => !agent || ruleWatches(rule, agent);
  const requirements: ApprovalRequirement[] = [];
  for (const rule of rules.filter(applies)) {
    if (rule.key === "unapproved-post") {
      const params = rule.params as { placeTypes: string[] };
      requirements.push({
        rule: rule.key,
        kinds: ["message_post"],
        targetTypes: params.placeTypes,
        minSensitivity: "public",
        description: "Posting to a shared or public place (these target types, or any target with attributes.audience shared or public).",
      });
    }
    if (rule.key === "approval-required") {
      const params = rule.params as { kinds: string[]; minSensitivity: string };
      requirements.push({ rule: rule.key, kinds: params.kinds, targetTypes: [], minSensitivity: params.minSensitivity, description: rule.definition.description });
    }
  }
  return requirements;
}
