// Inside a containment's transaction: every open incident that involves the agent
// gets a timeline entry, and an incident whose agents are now all contained moves to
// `contained` with the time stamped.
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { containments, incidentAgents, incidentEvents, incidents } from "@/db/schema";

export async function syncIncidentContainment(
  tx: Tx,
  agent: { id: string; name: string },
  containment: { id: string; reason: string; by: string; at: Date; tokensRevoked: number },
): Promise<void> {
  const open = await tx
    .select({ id: incidents.id })
    .from(incidents)
    .innerJoin(incidentAgents, eq(incidentAgents.incidentId, incidents.id))
    .where(and(eq(incidentAgents.agentId, agent.id), inArray(incidents.status, ["investigating", "contained"])));
  for (const incident of open) {
    await tx.insert(incidentEvents).values({
      incidentId: incident.id,
      occurredAt: containment.at,
      kind: "containment",
      actor: containment.by,
      body: `Contained ${agent.name}: ${containment.reason} (${containment.tokensRevoked} ${containment.tokensRevoked === 1 ? "token" : "tokens"} revoked)`,
      data: { agentId: agent.id, containmentId: containment.id },
    });
    // Involved agents without an open containment, now that this one has one.
    const [remaining] = await tx
      .select({ count: sql<number>`count(*)`.mapWith(Number) })
      .from(incidentAgents)
      .leftJoin(containments, and(eq(containments.agentId, incidentAgents.agentId), isNull(containments.releasedAt)))
      .where(and(eq(incidentAgents.incidentId, incident.id), isNull(containments.id)));
    if ((remaining?.count ?? 0) > 0) continue;
    const [moved] = await tx
      .update(incidents)
      .set({ status: "contained", containedAt: containment.at, updatedAt: containment.at })
      .where(and(eq(incidents.id, incident.id), eq(incidents.status, "investigating")))
      .returning({ id: incidents.id });
    if (moved) {
      await tx.insert(incidentEvents).values({
        incidentId: incident.id,
        occurredAt: containment.at,
        kind: "status_change",
        actor: containment.by,
        body: "Every involved agent is contained: status investigating → contained",
        data: { from: "investigating", to: "contained" },
      });
    }
  }
}
