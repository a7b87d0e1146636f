// Everything a report says besides the full timeline (which is streamed): the
// incident, lifecycle, agents, credentials revoked, connector deliveries, blast
// radius and pinned evidence.
import { and, desc, eq, gte, inArray, isNotNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { agentTokens, agents, connectors, deliveries, type Incident, incidents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { type CredentialResult, credentialResults } from "@/lib/containment/credential-results";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type BlastRadius, blastRadius } from "@/lib/incidents/blast-radius";
import { type IncidentDetail, getIncident } from "@/lib/incidents/get-incident";

export interface ReportData {
  incident: Incident;
  detail: IncidentDetail;
  blast: BlastRadius;
  revokedTokens: { agent: string; prefix: string; revokedAt: string; revokedBy: string | null; reason: string | null }[];
  deliveries: {
    agent: string;
    connector: string;
    eventType: string;
    status: string;
    attempts: number;
    deliveredAt: string | null;
    lastError: string | null;
    /** The receiver's own code and description when it refused (RFC 8935 err). */
    errorCode: string | null;
    errorDescription: string | null;
  }[];
  /** Per agent, each credential held elsewhere and what containment did about it (ssf helper). */
  credentialResults: ({ agent: string } & CredentialResult)[];
  generatedAt: string;
  generatedBy: string;
}

export async function loadReportData(db: Queryable, caller: Caller, incidentId: string): Promise<ReportData> {
  authorize(caller, "console:read");
  if (!isUuid(incidentId)) throw notFound("The incident");
  const [incident] = await db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw notFound("The incident");
  const [detail, blast] = await Promise.all([getIncident(db, caller, incidentId), blastRadius(db, caller, incidentId)]);
  const agentIds = detail.agents.map((agent) => agent.id);
  const [tokens, sent] = agentIds.length
    ? await Promise.all([
        db
          .select({ agent: agents.name, token: agentTokens })
          .from(agentTokens)
          .innerJoin(agents, eq(agents.id, agentTokens.agentId))
          .where(and(inArray(agentTokens.agentId, agentIds), isNotNull(agentTokens.revokedAt), gte(agentTokens.revokedAt, incident.startedAt)))
          .orderBy(agentTokens.revokedAt),
        db
          .select({ agent: agents.name, connector: connectors.name, delivery: deliveries })
          .from(deliveries)
          .innerJoin(connectors, eq(connectors.id, deliveries.connectorId))
          .innerJoin(agents, eq(agents.id, deliveries.agentId))
          .where(and(inArray(deliveries.agentId, agentIds), gte(deliveries.createdAt, incident.startedAt)))
          .orderBy(desc(deliveries.createdAt)),
      ])
    : [[], []];
  return {
    incident,
    detail,
    blast,
    revokedTokens: tokens.map(({ agent, token }) => ({
      agent,
      prefix: `${token.prefix}…`,
      revokedAt: token.revokedAt?.toISOString() ?? "",
      revokedBy: token.revokedBy,
      reason: token.revokeReason,
    })),
    deliveries: sent.map(({ agent, connector, delivery }) => ({
      agent,
      connector,
      eventType: delivery.eventType,
      status: delivery.status,
      attempts: delivery.attempts,
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      lastError: delivery.lastError,
      errorCode: delivery.errorCode,
      errorDescription: delivery.errorDescription,
    })),
    credentialResults: (await Promise.all(detail.agents.map(async (agent) => (await credentialResults(db, agent.id)).map((result) => ({ agent: agent.name, ...result }))))).flat(),
    generatedAt: new Date().toISOString(),
    generatedBy: callerLabel(caller),
  };
}
