import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { incidentEvents, incidents } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { conflict, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";

/** A responder writes on the incident timeline, optionally pinning it as key evidence. */
export async function addIncidentNote(db: Db, caller: Caller, incidentId: string, input: { body: string; pinned: boolean }): Promise<{ id: string }> {
  authorize(caller, "incidents:act");
  if (!isUuid(incidentId)) throw notFound("The incident");
  return db.transaction(async (tx) => {
    const [incident] = await tx.select({ status: incidents.status }).from(incidents).where(eq(incidents.id, incidentId));
    if (!incident) throw notFound("The incident");
    if (incident.status === "closed") throw conflict("The incident is closed.");
    const [note] = await tx
      .insert(incidentEvents)
      .values({ incidentId, kind: "note", actor: callerLabel(caller), body: input.body, pinned: input.pinned })
      .returning({ id: incidentEvents.id });
    if (!note) throw new Error("insert returned no row");
    await recordAuditEntry(tx, caller, { action: "incident.note_added", target: { type: "incident", id: incidentId }, after: { noteId: note.id, pinned: input.pinned } });
    return note;
  });
}
