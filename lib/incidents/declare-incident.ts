// A responder declares an incident: from scratch, or from an agent or a timeline
// selection (agentIds, startedAt). Containments of its agents since the impact started
// are its own (adopt-containments), so it may start out contained, at their time.
import { count, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { incidentAgents, incidentEvents, incidents } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { invalidInput } from "@/lib/errors";
import { adoptContainments } from "./adopt-containments";
import { attachToIncident } from "./attach-to-incident";
import type { DeclareIncidentInput } from "./incident-fields";
import { type PublicIncident, toPublicIncident } from "./public-incident";
import { publishChange } from "@/lib/live/publish-change";

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

    await adoptContainments(tx, incident.id);
    const [current] = await tx.select().from(incidents).where(eq(incidents.id, incident.id));
    if (!current) throw new Error("the incident vanished inside its own transaction");
    const [involved] = await tx.select({ count: count() }).from(incidentAgents).where(eq(incidentAgents.incidentId, incident.id));
    await publishChange(tx, "incidents", incident.id);
    await recordAuditEntry(tx, caller, {
      action: "incident.declared",
      target: { type: "incident", id: incident.id },
      after: { title: input.title, severity: input.severity, agents: involved?.count ?? 0, startedAt: startedAt.toISOString() },
    });
    return toPublicIncident(current);
  });
}
