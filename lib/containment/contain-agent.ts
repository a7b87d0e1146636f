// The kill switch (DESIGN.md, "The kill switch, in order"). One transaction records
// who, why and for which incident; suspends the agent, so introspection denies all
// its tokens and none can be issued; revokes every live token; writes the audit entry;
// and puts the notices for every connected system in the outbox. The agent row is
// locked first, so responders and rules pressing it at once get one containment and
// every one of them gets success.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agentTokens, agents, containments, oauthRefreshTokens } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { enqueueDeliveries } from "@/lib/connectors/enqueue-deliveries";
import { notFound } from "@/lib/errors";
import { publishChange } from "@/lib/live/publish-change";
import { enqueueRevocations } from "@/lib/revocation/enqueue-revocations";
import { isUuid } from "@/lib/http/is-uuid";
import { attachToIncident } from "@/lib/incidents/attach-to-incident";
import { syncIncidentContainment } from "@/lib/incidents/sync-incident-containment";
import { type PublicContainment, toPublicContainment } from "./public-containment";

export const containInput = z.strictObject({
  reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)." }).max(1000),
  incidentId: z.uuid({ message: "incidentId is an incident id." }).optional(),
});
export type ContainInput = z.infer<typeof containInput>;

export interface ContainResult {
  containment: PublicContainment;
  /** True when the agent was already contained: this call changed nothing. */
  alreadyContained: boolean;
  tokensRevoked: number;
  notificationsQueued: number;
  /** Credentials held elsewhere that a revocation connector will revoke (through the outbox). */
  revocationsQueued: number;
}

export async function containAgent(db: Db, caller: Caller, agentId: string, input: ContainInput): Promise<ContainResult> {
  authorize(caller, "agents:act");
  if (!isUuid(agentId)) throw notFound("The agent");

  return db.transaction(async (tx) => {
    const [agent] = await tx.select().from(agents).where(eq(agents.id, agentId)).for("update");
    if (!agent) throw notFound("The agent");
    const attached = input.incidentId ? await attachToIncident(tx, input.incidentId, agentId, callerLabel(caller)) : false;
    const [open] = await tx
      .select()
      .from(containments)
      .where(and(eq(containments.agentId, agentId), isNull(containments.releasedAt)));
    if (open) {
      // Already contained: nothing to revoke, but bringing it into the incident is a change.
      if (attached) {
        await recordAuditEntry(tx, caller, {
          action: "incident.agent_attached",
          target: { type: "incident", id: input.incidentId ?? "" },
          after: { agentId, containmentId: open.id },
        });
      }
      return { containment: toPublicContainment(open), alreadyContained: true, tokensRevoked: 0, notificationsQueued: 0, revocationsQueued: 0 };
    }

    const now = new Date();
    const by = callerLabel(caller);
    const revoked = await tx
      .update(agentTokens)
      .set({ revokedAt: now, revokedBy: by, revokeReason: `contained: ${input.reason}` })
      .where(and(eq(agentTokens.agentId, agentId), isNull(agentTokens.revokedAt)))
      .returning({ id: agentTokens.id });
    // Refresh tokens die too, delegated ones included: restoring needs fresh consent or credentials.
    await tx
      .update(oauthRefreshTokens)
      .set({ revokedAt: now })
      .where(and(eq(oauthRefreshTokens.agentId, agentId), isNull(oauthRefreshTokens.revokedAt)));
    const [containment] = await tx
      .insert(containments)
      .values({
        agentId,
        incidentId: input.incidentId ?? null,
        reason: input.reason,
        containedBy: by,
        containedByUserId: caller.type === "user" ? caller.id : null,
        startedAt: now,
        tokensRevoked: revoked.length,
      })
      .returning();
    if (!containment) throw new Error("insert returned no row");
    await tx.update(agents).set({ status: "suspended", updatedAt: now }).where(eq(agents.id, agentId));
    // Every open console shows the agent contained, its alerts included, without a reload.
    await publishChange(tx, "agents", agentId);

    // Incident rows are locked before the audit entry: the audit chain's lock is always
    // taken last, so it never waits on a row lock that waits on it.
    await syncIncidentContainment(tx, agent, { id: containment.id, reason: input.reason, by, at: now, tokensRevoked: revoked.length });
    await recordAuditEntry(tx, caller, {
      action: "agent.contained",
      target: { type: "agent", id: agentId },
      before: { status: agent.status },
      after: { status: "suspended", containmentId: containment.id, reason: input.reason, incidentId: input.incidentId ?? null, tokensRevoked: revoked.length },
    });
    const notificationsQueued = await enqueueDeliveries(tx, {
      type: "agent.contained",
      agent: { id: agent.id, name: agent.name, owner: agent.owner, environment: agent.environment },
      containment: {
        id: containment.id,
        reason: input.reason,
        incidentId: input.incidentId ?? null,
        by,
        at: now.toISOString(),
        tokensRevoked: revoked.length,
      },
    });
    const revocationsQueued = await enqueueRevocations(tx, agent.id, containment.id);
    return { containment: toPublicContainment(containment), alreadyContained: false, tokensRevoked: revoked.length, notificationsQueued, revocationsQueued };
  });
}
