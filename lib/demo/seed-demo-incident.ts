// The responders' side of the demo's story, at the times the story gives: the SEV1
// declared, the agent contained (its live tokens revoked, the agent suspended), notes,
// key evidence pinned, and the incident resolved. The same rows the incident and
// containment verbs write, back-dated, so the overview's metrics and the incident
// page read as a real, finished response.
import { and, eq, gt, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agentTokens, agents, containments, incidentAgents, incidentEvents, incidentPins, incidents } from "@/db/schema";
import type { StoryResponse } from "./scenario-types";

export interface SeededIncident {
  incidentId: string;
  tokensRevoked: number;
}

export async function seedDemoIncident(
  tx: Tx,
  response: StoryResponse,
  agent: { id: string; name: string },
  commanderId: string | null,
  pinnedSeqs: readonly number[],
): Promise<SeededIncident> {
  const by = response.commander;
  const [incident] = await tx
    .insert(incidents)
    .values({
      title: response.title,
      severity: response.severity,
      status: "resolved",
      summary: response.summary,
      commander: response.commander,
      startedAt: response.startedAt,
      detectedAt: response.detectedAt,
      declaredAt: response.declaredAt,
      containedAt: response.containedAt,
      resolvedAt: response.resolvedAt,
      createdBy: commanderId,
      updatedAt: response.resolvedAt,
    })
    .returning({ id: incidents.id });
  if (!incident) throw new Error("insert returned no row");
  await tx.insert(incidentAgents).values({ incidentId: incident.id, agentId: agent.id, addedAt: response.declaredAt });

  const revoked = await tx
    .update(agentTokens)
    .set({ revokedAt: response.containedAt, revokedBy: by, revokeReason: `contained: ${response.containReason}` })
    .where(and(eq(agentTokens.agentId, agent.id), isNull(agentTokens.revokedAt), gt(agentTokens.expiresAt, response.containedAt)))
    .returning({ id: agentTokens.id });
  const [containment] = await tx
    .insert(containments)
    .values({
      agentId: agent.id,
      incidentId: incident.id,
      reason: response.containReason,
      containedBy: by,
      containedByUserId: commanderId,
      startedAt: response.containedAt,
      tokensRevoked: revoked.length,
    })
    .returning({ id: containments.id });
  await tx.update(agents).set({ status: "suspended", updatedAt: response.containedAt }).where(eq(agents.id, agent.id));

  const tokens = `${revoked.length} ${revoked.length === 1 ? "token" : "tokens"} revoked`;
  await tx.insert(incidentEvents).values([
    { incidentId: incident.id, occurredAt: response.declaredAt, kind: "declared", actor: by, body: `Declared ${response.severity}: ${response.title}` },
    { incidentId: incident.id, occurredAt: response.declaredAt, kind: "agent_added", actor: by, body: `${agent.name} involved`, data: { agentId: agent.id } },
    ...response.notes.map((note) => ({ incidentId: incident.id, occurredAt: note.at, kind: "note" as const, actor: note.actor, body: note.body, pinned: note.pinned })),
    {
      incidentId: incident.id,
      occurredAt: response.containedAt,
      kind: "containment",
      actor: by,
      body: `Contained ${agent.name}: ${response.containReason} (${tokens})`,
      data: { agentId: agent.id, containmentId: containment?.id ?? null },
    },
    {
      incidentId: incident.id,
      occurredAt: response.containedAt,
      kind: "status_change",
      actor: by,
      body: "Every involved agent is contained: status investigating → contained",
      data: { from: "investigating", to: "contained" },
    },
    { incidentId: incident.id, occurredAt: response.resolvedAt, kind: "status_change", actor: by, body: "Status contained → resolved", data: { from: "contained", to: "resolved" } },
  ]);
  if (pinnedSeqs.length) {
    await tx.insert(incidentPins).values(pinnedSeqs.map((actionId) => ({ incidentId: incident.id, actionId, pinnedBy: by, pinnedAt: response.declaredAt })));
  }
  return { incidentId: incident.id, tokensRevoked: revoked.length };
}
