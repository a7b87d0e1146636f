// How long each phase took, measured from the moment the impact began: that is how
// long data was exposed. Medians over incidents summarise how the team is doing.
import type { Incident } from "@/db/schema";

export interface IncidentMetrics {
  /** Impact start → detection. */
  timeToDetectSeconds: number;
  /** Impact start → every involved agent contained; null while not contained. */
  timeToContainSeconds: number | null;
  /** Impact start → resolved; null while open. */
  timeToResolveSeconds: number | null;
}

const seconds = (from: Date, to: Date | null) => (to ? Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000)) : null);

export function incidentMetrics(incident: Pick<Incident, "startedAt" | "detectedAt" | "containedAt" | "resolvedAt">): IncidentMetrics {
  return {
    timeToDetectSeconds: seconds(incident.startedAt, incident.detectedAt) ?? 0,
    timeToContainSeconds: seconds(incident.startedAt, incident.containedAt),
    timeToResolveSeconds: seconds(incident.startedAt, incident.resolvedAt),
  };
}

export function median(values: (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 ? (known[middle] ?? null) : Math.round(((known[middle - 1] ?? 0) + (known[middle] ?? 0)) / 2);
}
