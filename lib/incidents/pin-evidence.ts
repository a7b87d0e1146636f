// Marks an action or a note as key evidence of an incident (or unmarks it).
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { actions, incidentEvents, incidentPins, incidents } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";

export async function pinEvidence(
  db: Db,
  caller: Caller,
  incidentId: string,
  input: { actionSeq?: number; eventId?: string; pinned: boolean },
): Promise<void> {
  authorize(caller, "incidents:act");
  if (!isUuid(incidentId)) throw notFound("The incident");
  await db.transaction(async (tx) => {
    const [incident] = await tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, incidentId));
    if (!incident) throw notFound("The incident");
    if (input.eventId) {
      const updated = await tx
        .update(incidentEvents)
        .set({ pinned: input.pinned })
        .where(and(eq(incidentEvents.id, input.eventId), eq(incidentEvents.incidentId, incidentId)))
        .returning({ id: incidentEvents.id });
      if (!updated.length) throw notFound("The note");
    } else if (input.actionSeq !== undefined) {
      const [action] = await tx.select({ id: actions.id }).from(actions).where(eq(actions.id, input.actionSeq));
      if (!action) throw notFound("The action");
      if (input.pinned) {
        await tx.insert(incidentPins).values({ incidentId, actionId: action.id, pinnedBy: callerLabel(caller) }).onConflictDoNothing();
      } else {
        await tx.delete(incidentPins).where(and(eq(incidentPins.incidentId, incidentId), eq(incidentPins.actionId, action.id)));
      }
    }
    await recordAuditEntry(tx, caller, {
      action: input.pinned ? "incident.evidence_pinned" : "incident.evidence_unpinned",
      target: { type: "incident", id: incidentId },
      after: { actionSeq: input.actionSeq ?? null, eventId: input.eventId ?? null },
    });
  });
}
