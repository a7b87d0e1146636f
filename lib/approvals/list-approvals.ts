// The approvals queue: pending first (oldest first, it has waited longest), then
// the latest answers.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents, approvals } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { expireApprovals } from "./expire-approvals";
import { type PublicApproval, toPublicApproval } from "./public-approval";

export interface ApprovalQueue {
  pending: PublicApproval[];
  answered: PublicApproval[];
}

export async function listApprovals(db: Db, caller: Caller, options: { agentId?: string; limit?: number } = {}): Promise<ApprovalQueue> {
  authorize(caller, "console:read");
  await expireApprovals(db);
  const limit = Math.min(Math.max(options.limit ?? 50, 1), 200);
  const byAgent = options.agentId ? eq(approvals.agentId, options.agentId) : undefined;
  const select = () =>
    db.select({ approval: approvals, agent: { name: agents.name, owner: agents.owner } }).from(approvals).innerJoin(agents, eq(agents.id, approvals.agentId));
  const pending = await select()
    .where(and(eq(approvals.status, "pending"), byAgent))
    .orderBy(asc(approvals.requestedAt))
    .limit(500);
  const answered = await select()
    .where(and(inArray(approvals.status, ["approved", "denied"]), byAgent))
    .orderBy(desc(approvals.decidedAt))
    .limit(limit);
  return {
    pending: pending.map((row) => toPublicApproval(row.approval, row.agent)),
    answered: answered.map((row) => toPublicApproval(row.approval, row.agent)),
  };
}
