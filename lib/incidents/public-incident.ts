import type { Incident } from "@/db/schema";

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
});
