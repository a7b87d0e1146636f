// A person answers an agent's request: approve or deny, always with a reason. The
// agent's owner may answer for their own agent whatever their role; otherwise it
// takes a responder. The first answer wins; a second gets 409.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agents, approvals } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize, can } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { conflict, forbidden, notFound, unauthorized } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { publishChange } from "@/lib/live/publish-change";
import { type PublicApproval, toPublicApproval } from "./public-approval";
import { approvalDecisions } from "./vocabulary";

export const decisionInput = z.strictObject({
  decision: z.enum(approvalDecisions, { message: "decision is approve or deny." }),
  reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)." }).max(1000),
});
export type DecisionInput = z.infer<typeof decisionInput>;

export async function decideApproval(db: Db, caller: Caller | null, id: string, raw: DecisionInput): Promise<PublicApproval> {
  // Parsed here too, not only in the route: the verb is the boundary.
  const input = decisionInput.parse(raw);
  if (!caller) throw unauthorized();
  authorize(caller, "console:read");
  if (!isUuid(id)) throw notFound("The approval");
  const now = new Date();

  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ approval: approvals, agent: { name: agents.name, owner: agents.owner } })
      .from(approvals)
      .innerJoin(agents, eq(agents.id, approvals.agentId))
      .where(eq(approvals.id, id))
      .for("update", { of: approvals });
    if (!row) throw notFound("The approval");
    const isOwner = caller.type === "user" && row.agent.owner.trim().toLowerCase() === caller.email.toLowerCase();
    if (!isOwner && !can(caller, "approvals:decide")) throw forbidden("Only the agent's owner or a responder can answer this request.");
    if (row.approval.status !== "pending") {
      throw conflict(`This request was already answered: ${row.approval.status} by ${row.approval.decidedBy ?? "someone"}.`, toPublicApproval(row.approval, row.agent));
    }
    if (row.approval.expiresAt <= now) throw conflict("This request expired before your answer; it is denied. The agent has to ask again.");

    const status = input.decision === "approve" ? "approved" : "denied";
    const [updated] = await tx
      .update(approvals)
      .set({ status, decidedAt: now, decidedBy: callerLabel(caller), decidedByUserId: caller.type === "user" ? caller.id : null, reason: input.reason })
      .where(eq(approvals.id, id))
      .returning();
    if (!updated) throw notFound("The approval");
    await publishChange(tx, "approvals", id);
    await recordAuditEntry(tx, caller, {
      action: status === "approved" ? "approval.approved" : "approval.denied",
      target: { type: "approval", id },
      before: { status: "pending" },
      after: { status, reason: input.reason, agentId: updated.agentId, kind: updated.kind, asOwner: isOwner },
    });
    return toPublicApproval(updated, row.agent);
  });
}
