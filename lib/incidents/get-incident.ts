// One incident with everything its page shows: involved agents and their containment
// state, the responders' timeline entries, pinned evidence and the metrics.
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { actions, agents, containments, incidentAgents, incidentEvents, incidentPins, incidents } from "@/db/schema";
import { withAgentNames } from "@/lib/actions/list-actions";
import { incidentAlerts } from "@/lib/alerts/list-alerts";
import type { PublicAlert } from "@/lib/alerts/public-alert";
import type { PublicAction } from "@/lib/actions/public-action";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type IncidentMetrics, incidentMetrics } from "./incident-metrics";
import { type PublicIncident, toPublicIncident } from "./public-incident";

export interface IncidentAgent {
  id: string;
  name: string;
  owner: string;
  status: string;
  risk: string;
  containedAt: string | null;
  containedBy: string | null;
}

export interface PublicIncidentEvent {
  id: string;
  occurredAt: string;
  kind: string;
  actor: string;
  body: string;
  pinned: boolean;
}

export interface IncidentDetail {
  incident: PublicIncident;
  agents: IncidentAgent[];
  events: PublicIncidentEvent[];
  pinnedActions: PublicAction[];
  /** Alerts behind it: raised for it, or on its agents since impact began. */
  alerts: PublicAlert[];
  metrics: IncidentMetrics;
}

export async function getIncident(db: Queryable, caller: Caller, incidentId: string): Promise<IncidentDetail> {
  authorize(caller, "console:read");
  if (!isUuid(incidentId)) throw notFound("The incident");
  const [incident] = await db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw notFound("The incident");
  const [involved, events, pins] = await Promise.all([
    db
      .select({ agent: agents, containment: containments })
      .from(incidentAgents)
      .innerJoin(agents, eq(agents.id, incidentAgents.agentId))
      .leftJoin(containments, and(eq(containments.agentId, agents.id), isNull(containments.releasedAt)))
      .where(eq(incidentAgents.incidentId, incidentId))
      .orderBy(asc(agents.name)),
    db.select().from(incidentEvents).where(eq(incidentEvents.incidentId, incidentId)).orderBy(desc(incidentEvents.occurredAt)),
    db.select({ actionId: incidentPins.actionId }).from(incidentPins).where(eq(incidentPins.incidentId, incidentId)),
  ]);
  const pinnedRows = pins.length ? await db.select().from(actions).where(inArray(actions.id, pins.map((pin) => pin.actionId))) : [];
  return {
    incident: toPublicIncident(incident),
    agents: involved.map(({ agent, containment }) => ({
      id: agent.id,
      name: agent.name,
      owner: agent.owner,
      status: agent.status,
      risk: agent.risk,
      containedAt: containment?.startedAt.toISOString() ?? null,
      containedBy: containment?.containedBy ?? null,
    })),
    events: events.map((event) => ({
      id: event.id,
      occurredAt: event.occurredAt.toISOString(),
      kind: event.kind,
      actor: event.actor,
      body: event.body,
      pinned: event.pinned,
    })),
    pinnedActions: await withAgentNames(db, pinnedRows),
    alerts: await incidentAlerts(db, incidentId, involved.map(({ agent }) => agent.id), incident.startedAt),
    metrics: incidentMetrics(incident),
  };
}
