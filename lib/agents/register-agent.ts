// A responder or admin adds an agent to the inventory.
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { agents } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { conflict } from "@/lib/errors";
import type { RegisterAgentInput } from "./agent-fields";
import { assessRisk } from "./assess-risk";
import { type PublicAgent, toPublicAgent } from "./public-agent";

export async function registerAgent(db: Db, caller: Caller, input: RegisterAgentInput): Promise<PublicAgent> {
  authorize(caller, "agents:act");
  const { risk, reasons } = assessRisk(input.scopes, input.actsAs);
  try {
    return await db.transaction(async (tx) => {
      const [agent] = await tx
        .insert(agents)
        .values({ ...input, risk, riskReasons: reasons, createdBy: caller.type === "user" ? caller.id : null })
        .returning();
      if (!agent) throw new Error("insert returned no row");
      await recordAuditEntry(tx, caller, {
        action: "agent.registered",
        target: { type: "agent", id: agent.id },
        after: { ...input, risk },
      });
      return toPublicAgent(agent);
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw conflict(`An agent named ${input.name} already exists.`, [{ path: "name", message: "This name is taken." }]);
    }
    throw error;
  }
}
