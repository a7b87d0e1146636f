// Inside a declaration's (or an edit's) transaction: containments of the incident's agents
// that happened after its impact started belong to it, whichever came first, the
// containment or the declaration. Each gets its responder-log entry at its real time, and
// an incident whose agents are all contained is `contained` since the last of them was,
// not since it was declared (a report must not say "contained 02:47:35" of an agent cut
// at 02:47:04).
import { and, eq, inArray, isNull, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agents, containments, incidentAgents, incidentEvents, incidents } from "@/db/schema";

export async function adoptContainments(tx: Tx, incidentId: string): Promise<void> {
  const [incident] = await tx.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident || incident.status === "resolved" || incident.status === "closed") return;
  const involved = await tx
    .select({ agentId: incidentAgents.agentId, name: agents.name, containment: containments })
    .from(incidentAgents)
    .innerJoin(agents, eq(agents.id, incidentAgents.agentId))
    .leftJoin(containments, and(eq(containments.agentId, incidentAgents.agentId), isNull(containments.releasedAt)))
    .where(eq(incidentAgents.incidentId, incidentId));
  if (involved.length === 0) return;

  const logged = await tx
    .select({ containmentId: sql<string>`${incidentEvents.data}->>'containmentId'` })
    .from(incidentEvents)
    .where(and(eq(incidentEvents.incidentId, incidentId), eq(incidentEvents.kind, "containment")));
  const alreadyLogged = new Set(logged.map((row) => row.containmentId));
  const adopted: string[] = [];
  for (const { agentId, name, containment } of involved) {
    if (!containment || containment.startedAt < incident.startedAt || alreadyLogged.has(containment.id)) continue;
    const tokens = containment.tokensRevoked;
    await tx.insert(incidentEvents).values({
      incidentId,
      occurredAt: containment.startedAt,
      kind: "containment",
      actor: containment.containedBy,
      body: `Contained ${name}: ${containment.reason} (${tokens} ${tokens === 1 ? "token" : "tokens"} revoked)`,
      data: { agentId, containmentId: containment.id },
    });
    if (!containment.incidentId) adopted.push(containment.id);
  }
  if (adopted.length) await tx.update(containments).set({ incidentId }).where(inArray(containments.id, adopted));

  if (incident.status !== "investigating" || involved.some((row) => !row.containment)) return;
  // Contained when the last involved agent was; never before the impact started.
  const last = Math.max(...involved.map((row) => row.containment?.startedAt.getTime() ?? 0), incident.startedAt.getTime());
  const containedAt = new Date(last);
  await tx.update(incidents).set({ status: "contained", containedAt }).where(eq(incidents.id, incidentId));
  await tx.insert(incidentEvents).values({
    incidentId,
    occurredAt: containedAt,
    kind: "status_change",
    actor: "system",
    body: "Every involved agent is contained: status investigating → contained",
    data: { from: "investigating", to: "contained" },
  });
}
