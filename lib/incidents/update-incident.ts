// Runs the incident: status changes follow the lifecycle (closed is final, closing
// needs resolved first), and each stamps its time once; edits, added agents and a
// note ride along. Every change is an incident timeline entry and an audit entry.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { incidentEvents, incidents } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { resolveIncidentAlerts } from "@/lib/alerts/resolve-incident-alerts";
import { adoptContainments } from "./adopt-containments";
import { attachToIncident } from "./attach-to-incident";
import type { UpdateIncidentInput } from "./incident-fields";
import { type PublicIncident, toPublicIncident } from "./public-incident";
import { allowedTransitions } from "./vocabulary";
import { publishChange } from "@/lib/live/publish-change";

export async function updateIncident(db: Db, caller: Caller, incidentId: string, input: UpdateIncidentInput): Promise<PublicIncident> {
  authorize(caller, "incidents:act");
  if (!isUuid(incidentId)) throw notFound("The incident");
  if (Object.keys(input).length === 0) throw invalidInput("Nothing to change.");
  const by = callerLabel(caller);

  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(incidents).where(eq(incidents.id, incidentId)).for("update");
    if (!current) throw notFound("The incident");
    if (current.status === "closed") throw conflict("The incident is closed; it can no longer change.");
    const now = new Date();
    const changes: Partial<typeof incidents.$inferInsert> = { updatedAt: now };
    const { status, addAgentIds, note, ...fields } = input;
    Object.assign(changes, fields);

    if (status && status !== current.status) {
      if (!allowedTransitions[current.status].includes(status)) {
        throw conflict(`An incident cannot go from ${current.status} to ${status}.`, [{ path: "status", message: `allowed: ${allowedTransitions[current.status].join(", ") || "none"}` }]);
      }
      changes.status = status;
      if (status === "contained" && !current.containedAt) changes.containedAt = now;
      if (status === "resolved") changes.resolvedAt = now;
      if (status === "closed") changes.closedAt = now;
      if (status === "investigating") changes.resolvedAt = null; // reopened
      await tx.insert(incidentEvents).values({
        incidentId,
        occurredAt: now,
        kind: "status_change",
        actor: by,
        body: `Status ${current.status} → ${status}`,
        data: { from: current.status, to: status },
      });
    }
    const startedAt = fields.startedAt ?? current.startedAt;
    const detectedAt = fields.detectedAt ?? current.detectedAt;
    if (startedAt > detectedAt) throw invalidInput("Impact cannot start after it was detected.", [{ path: "startedAt", message: "after detectedAt" }]);
    if (Object.keys(fields).length) {
      await tx.insert(incidentEvents).values({ incidentId, occurredAt: now, kind: "edited", actor: by, body: `Edited ${Object.keys(fields).join(", ")}` });
    }
    for (const agentId of addAgentIds ?? []) await attachToIncident(tx, incidentId, agentId, by);
    if (note) await tx.insert(incidentEvents).values({ incidentId, occurredAt: now, kind: "note", actor: by, body: note });

    // Its alerts are done with it: the next firing of their rules opens a new alert.
    if (changes.status === "resolved" || changes.status === "closed") await resolveIncidentAlerts(tx, incidentId, now);
    let [updated] = await tx.update(incidents).set(changes).where(eq(incidents.id, incidentId)).returning();
    if (!updated) throw notFound("The incident");
    if (addAgentIds?.length || fields.startedAt) {
      // A newly involved agent may have been contained already; that containment is this incident's.
      await adoptContainments(tx, incidentId);
      [updated] = await tx.select().from(incidents).where(eq(incidents.id, incidentId));
      if (!updated) throw notFound("The incident");
    }
    await publishChange(tx, "incidents", incidentId);
    await recordAuditEntry(tx, caller, {
      action: "incident.updated",
      target: { type: "incident", id: incidentId },
      before: { status: current.status, severity: current.severity, title: current.title },
      after: { ...fields, ...(status ? { status } : {}), ...(addAgentIds ? { addAgentIds } : {}), ...(note ? { note } : {}) },
    });
    return toPublicIncident(updated);
  });
}
