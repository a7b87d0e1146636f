// A responder or admin edits an agent; risk is re-derived from the new scopes.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { agents } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import type { UpdateAgentInput } from "./agent-fields";
import { assessRisk } from "./assess-risk";
import { liveTokenCount } from "./live-token-count";
import { revokeTokensAfterEdit } from "./revoke-tokens-after-edit";
import { type PublicAgent, toPublicAgent } from "./public-agent";

export async function updateAgent(db: Db, caller: Caller, agentId: string, input: UpdateAgentInput): Promise<PublicAgent> {
  authorize(caller, "agents:act");
  if (!isUuid(agentId)) throw notFound("The agent");
  if (Object.keys(input).length === 0) throw invalidInput("Nothing to change.");
  try {
    return await db.transaction(async (tx) => {
      const [current] = await tx.select().from(agents).where(eq(agents.id, agentId)).for("update");
      if (!current) throw notFound("The agent");
      if (input.status && current.status === "suspended") {
        throw conflict("This agent is contained; an admin restores it from the agent page.");
      }
      // A contained agent keeps its name: renaming it would let a new agent take the name,
      // with actions sent under it landing there, which undoes the containment.
      if (input.name !== undefined && input.name !== current.name && current.status === "suspended") {
        throw conflict("This agent is contained; its name stays reserved until an admin restores it.", [
          { path: "name", message: "A contained agent cannot be renamed." },
        ]);
      }
      const scopes = input.scopes ?? current.scopes;
      const actsAs = input.actsAs ?? current.actsAs;
      const { risk, reasons } = assessRisk(scopes, actsAs);
      await tx
        .update(agents)
        .set({ ...input, risk, riskReasons: reasons, updatedAt: new Date() })
        .where(eq(agents.id, agentId));
      const revokedTokens = await revokeTokensAfterEdit(tx, caller, current, scopes, input.status);
      const [updated] = await tx
        .select({ agent: agents, liveTokens: liveTokenCount })
        .from(agents)
        .where(eq(agents.id, agentId));
      if (!updated) throw notFound("The agent");

      const changed = Object.keys(input) as (keyof UpdateAgentInput)[];
      await recordAuditEntry(tx, caller, {
        action: "agent.updated",
        target: { type: "agent", id: agentId },
        before: Object.fromEntries(changed.map((key) => [key, current[key]])),
        after: { ...input, risk, ...(revokedTokens ? { tokensRevoked: revokedTokens } : {}) },
      });
      return toPublicAgent(updated.agent, updated.liveTokens);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`An agent named ${input.name} already exists.`, [{ path: "name", message: "This name is taken." }]);
    }
    throw error;
  }
}
