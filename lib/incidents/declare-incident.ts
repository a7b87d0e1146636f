// A responder declares an incident: from scratch, or from an agent or a timeline
// selection (agentIds, startedAt). If its agents are already contained it starts
// out contained.
import { and, count, eq, inArray, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { containments, incidentAgents, incidentEvents, incidents } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { invalidInput } from "@/lib/errors";
import { attachToIncident } from "./attach-to-incident";
import type { DeclareIncidentInput } from "./incident-fields";
import { type PublicIncident, toPublicIncident } from "./public-incident";

export async function declareIncident(db: Db, caller: Caller, input: DeclareIncidentInput): Promise<PublicIncident> {
  authorize(caller, "incidents:act");
  const now = new Date();
  const detectedAt = input.detectedAt ?? now;
  const startedAt = input.startedAt ?? detectedAt;
  if (startedAt > detectedAt) throw invalidInput("Impact cannot start after it was detected.", [{ path: "startedAt", message: "after detectedAt" }]);
  if (detectedAt > now) throw invalidInput("detectedAt is in the future.", [{ path: "detectedAt", message: "in the future" }]);
  const by = callerLabel(caller);

  return db.transaction(async (tx) => {
    const [incident] = await tx
      .insert(incidents)
      .values({
        title: input.title,
        severity: input.severity,
        summary: input.summary,
        commander: input.commander ?? (caller.type === "user" ? caller.email : by),
        startedAt,
        detectedAt,
        declaredAt: now,
        createdBy: caller.type === "user" ? caller.id : null,
      })
      .returning();
    if (!incident) throw new Error("insert returned no row");
    await tx.insert(incidentEvents).values({ incidentId: incident.id, occurredAt: now, kind: "declared", actor: by, body: `Declared ${input.severity}: ${input.title}` });
    for (const agentId of [...new Set(input.agentIds)]) await attachToIncident(tx, incident.id, agentId, by);

    let current = incident;
    if (input.agentIds.length) {
      const [open] = await tx
        .select({ count: count() })
        .from(containments)
        .where(and(inArray(containments.agentId, input.agentIds), isNull(containments.releasedAt)));
      if ((open?.count ?? 0) >= new Set(input.agentIds).size) {
        const [contained] = await tx.update(incidents).set({ status: "contained", containedAt: now }).where(eq(incidents.id, incident.id)).returning();
        if (contained) current = contained;
      }
    }
    const [involved] = await tx.select({ count: count() }).from(incidentAgents).where(eq(incidentAgents.incidentId, incident.id));
    await recordAuditEntry(tx, caller, {
      action: "incident.declared",
      target: { type: "incident", id: incident.id },
      after: { title: input.title, severity: input.severity, agents: involved?.count ?? 0, startedAt: startedAt.toISOString() },
    });
    return toPublicIncident(current);
  });
}
