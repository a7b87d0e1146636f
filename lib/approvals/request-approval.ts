// An agent asks before a high-risk action: what it wants to do, to what, for whom.
// Only an agent, with one of its own live tokens, can ask, and only for itself.
import { z } from "zod";
import type { Db } from "@/db/client";
import { agents, approvals } from "@/db/schema";
import { actionKinds, sensitivities } from "@/lib/actions/vocabulary";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Caller } from "@/lib/auth/caller";
import { forbidden, unauthorized } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { eq } from "drizzle-orm";
import { type PublicApproval, toPublicApproval } from "./public-approval";
import { DEFAULT_APPROVAL_TTL_SECONDS, MAX_APPROVAL_TTL_SECONDS } from "./vocabulary";

const text = (max: number) => z.string().trim().min(1).max(max);

export const requestApprovalInput = z.strictObject({
  action: z.strictObject({
    kind: z.enum(actionKinds, { message: `kind is one of ${actionKinds.join(", ")}.` }),
    tool: text(200).optional(),
    target: z
      .strictObject({
        type: text(100),
        id: text(500),
        uri: text(2000).optional(),
        sensitivity: z.enum(sensitivities, { message: `sensitivity is one of ${sensitivities.join(", ")}.` }).optional(),
      })
      .optional(),
    summary: text(2000),
  }),
  onBehalfOf: text(254).optional(),
  expiresInSeconds: z.number().int().min(1).max(MAX_APPROVAL_TTL_SECONDS).default(DEFAULT_APPROVAL_TTL_SECONDS),
});
export type RequestApprovalInput = z.output<typeof requestApprovalInput>;

export async function requestApproval(db: Db, caller: Caller | null, raw: RequestApprovalInput): Promise<PublicApproval> {
  // Parsed here too, not only in the route: the verb is the boundary.
  const input = requestApprovalInput.parse(raw);
  if (!caller) throw unauthorized("Ask with one of the agent's own tokens (Authorization: Bearer tq_at_…).");
  if (caller.type !== "agent") throw forbidden("Approvals are requested by agents, with their own token.");
  const now = new Date();
  return db.transaction(async (tx) => {
    const [agent] = await tx.select({ name: agents.name, owner: agents.owner }).from(agents).where(eq(agents.id, caller.id));
    const [approval] = await tx
      .insert(approvals)
      .values({
        agentId: caller.id,
        tokenId: caller.tokenId,
        kind: input.action.kind,
        tool: input.action.tool ?? null,
        targetType: input.action.target?.type ?? null,
        targetId: input.action.target?.id ?? null,
        targetUri: input.action.target?.uri ?? null,
        sensitivity: input.action.target?.sensitivity ?? null,
        summary: input.action.summary,
        onBehalfOf: input.onBehalfOf ?? null,
        requestedAt: now,
        expiresAt: new Date(now.getTime() + input.expiresInSeconds * 1000),
      })
      .returning();
    if (!approval) throw new Error("insert returned no row");
    await publishChange(tx, "approvals", approval.id);
    await recordAuditEntry(tx, caller, {
      action: "approval.requested",
      target: { type: "approval", id: approval.id },
      after: { kind: approval.kind, target: approval.targetId, summary: approval.summary, onBehalfOf: approval.onBehalfOf, expiresAt: approval.expiresAt.toISOString() },
    });
    return toPublicApproval(approval, agent);
  });
}
