// Adds an agent to an incident (inside the caller's transaction), once, with a
// timeline entry. The incident must exist and be open.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agents, incidentAgents, incidentEvents, incidents } from "@/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";

/** Whether the agent was newly added (false: it was already involved). */
export async function attachToIncident(tx: Tx, incidentId: string, agentId: string, by: string): Promise<boolean> {
  if (!isUuid(incidentId)) throw notFound("The incident");
  const [incident] = await tx.select({ id: incidents.id, status: incidents.status }).from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw notFound("The incident");
  if (incident.status === "closed") throw conflict("The incident is closed.");
  const [agent] = await tx.select({ name: agents.name }).from(agents).where(eq(agents.id, agentId));
  if (!agent) throw notFound("The agent");
  const added = await tx.insert(incidentAgents).values({ incidentId, agentId }).onConflictDoNothing().returning();
  if (added.length) {
    await tx.insert(incidentEvents).values({ incidentId, kind: "agent_added", actor: by, body: `${agent.name} involved`, data: { agentId } });
  }
  return added.length > 0;
}
