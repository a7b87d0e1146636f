// Only an admin brings a contained agent back, with a reason, and only with fresh
// tokens: the revoked ones stay revoked forever.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agents, containments } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { enqueueDeliveries } from "@/lib/connectors/enqueue-deliveries";
import { DEFAULT_TOKEN_LIFETIME_SECONDS, MAX_TOKEN_LIFETIME_SECONDS } from "@/lib/credentials/issue-agent-token";
import { type IssuedToken, mintAgentToken } from "@/lib/credentials/mint-agent-token";
import { conflict, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type PublicContainment, toPublicContainment } from "./public-containment";
import { publishChange } from "@/lib/live/publish-change";

export const restoreInput = z.strictObject({
  reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)." }).max(1000),
  expiresInSeconds: z.number().int().min(60).max(MAX_TOKEN_LIFETIME_SECONDS).default(DEFAULT_TOKEN_LIFETIME_SECONDS),
});
export type RestoreInput = z.input<typeof restoreInput>;

export async function restoreAgent(
  db: Db,
  caller: Caller,
  agentId: string,
  input: RestoreInput,
): Promise<{ containment: PublicContainment; token: IssuedToken }> {
  authorize(caller, "agents:restore");
  const { reason, expiresInSeconds } = restoreInput.parse(input);
  if (!isUuid(agentId)) throw notFound("The agent");

  return db.transaction(async (tx) => {
    const [agent] = await tx.select().from(agents).where(eq(agents.id, agentId)).for("update");
    if (!agent) throw notFound("The agent");
    const now = new Date();
    const by = callerLabel(caller);
    const [released] = await tx
      .update(containments)
      .set({ releasedAt: now, releasedBy: by, releaseReason: reason })
      .where(and(eq(containments.agentId, agentId), isNull(containments.releasedAt)))
      .returning();
    if (!released) throw conflict(`${agent.name} is not contained.`);
    await tx.update(agents).set({ status: "active", updatedAt: now }).where(eq(agents.id, agentId));
    await publishChange(tx, "agents", agentId);
    const token = await mintAgentToken(tx, caller, agentId, agent.scopes, expiresInSeconds);
    await recordAuditEntry(tx, caller, {
      action: "agent.restored",
      target: { type: "agent", id: agentId },
      before: { status: agent.status, containmentId: released.id },
      after: { status: "active", reason, freshTokenId: token.id },
    });
    await enqueueDeliveries(tx, {
      type: "agent.restored",
      agent: { id: agent.id, name: agent.name, owner: agent.owner, environment: agent.environment },
      containment: { id: released.id, reason, incidentId: released.incidentId, by, at: now.toISOString(), tokensRevoked: released.tokensRevoked },
    });
    return { containment: toPublicContainment(released), token };
  });
}
