import type { FollowUp, Incident } from "@/db/schema";

export interface PublicIncident {
  id: string;
  number: number;
  reference: string;
  title: string;
  severity: Incident["severity"];
  status: Incident["status"];
  summary: string;
  commander: string;
  startedAt: string;
  detectedAt: string;
  declaredAt: string;
  containedAt: string | null;
  resolvedAt: string | null;
  closedAt: string | null;
  rootCause: string;
  contributingFactors: string;
  lessons: string;
  resolutionSummary: string;
  followUps: FollowUp[];
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const toPublicIncident = (incident: Incident): PublicIncident => ({
  id: incident.id,
  number: incident.number,
  reference: `INC-${incident.number}`,
  title: incident.title,
  severity: incident.severity,
  status: incident.status,
  summary: incident.summary,
  commander: incident.commander,
  startedAt: incident.startedAt.toISOString(),
  detectedAt: incident.detectedAt.toISOString(),
  declaredAt: incident.declaredAt.toISOString(),
  containedAt: iso(incident.containedAt),
  resolvedAt: iso(incident.resolvedAt),
  closedAt: iso(incident.closedAt),
  rootCause: incident.rootCause,
  contributingFactors: incident.contributingFactors,
  lessons: incident.lessons,
  resolutionSummary: incident.resolutionSummary,
  followUps: incident.followUps,
});
