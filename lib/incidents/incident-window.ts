import type { Incident } from "@/db/schema";

/**
 * The time an incident covers: from the impact's start to its resolution (or now
 * while it is open). Actions and access events inside it belong to the incident.
 */
export function incidentWindow(incident: Pick<Incident, "startedAt" | "resolvedAt" | "closedAt">, now = new Date()): { from: Date; to: Date } {
  return { from: incident.startedAt, to: incident.resolvedAt ?? incident.closedAt ?? now };
}
