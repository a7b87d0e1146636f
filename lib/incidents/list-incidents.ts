import { and, desc, eq, ilike, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { incidents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { invalidInput } from "@/lib/errors";
import { escapeLike } from "@/lib/http/escape-like";
import { optionalText } from "@/lib/http/optional-text";
import { type IncidentMetrics, incidentMetrics, median } from "./incident-metrics";
import { type PublicIncident, toPublicIncident } from "./public-incident";
import { incidentStatuses, severities } from "./vocabulary";

export const incidentListQuery = z.object({
  status: z.enum(incidentStatuses).optional(),
  severity: z.enum(severities).optional(),
  /** Words of the title, or a reference such as INC-7 (the command palette searches with it). */
  q: optionalText,
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export interface IncidentList {
  incidents: (PublicIncident & { metrics: IncidentMetrics })[];
  medians: { timeToDetectSeconds: number | null; timeToContainSeconds: number | null; timeToResolveSeconds: number | null };
}

export async function listIncidents(db: Queryable, caller: Caller, query: Record<string, string | undefined> = {}): Promise<IncidentList> {
  authorize(caller, "console:read");
  const parsed = incidentListQuery.safeParse(query);
  if (!parsed.success) throw invalidInput(parsed.error.issues[0]?.message ?? "Invalid filter.");
  const { status, severity, q, limit } = parsed.data;
  const conditions: SQL[] = [];
  if (status) conditions.push(eq(incidents.status, status));
  if (severity) conditions.push(eq(incidents.severity, severity));
  if (q) {
    const reference = /^(?:inc-?)?(\d{1,9})$/i.exec(q.trim());
    const byTitle = ilike(incidents.title, `%${escapeLike(q)}%`);
    conditions.push(reference ? (or(byTitle, eq(incidents.number, Number(reference[1]))) as SQL) : byTitle);
  }
  const rows = await db.select().from(incidents).where(and(...conditions)).orderBy(desc(incidents.declaredAt)).limit(limit);
  const withMetrics = rows.map((row) => ({ ...toPublicIncident(row), metrics: incidentMetrics(row) }));
  return {
    incidents: withMetrics,
    medians: {
      timeToDetectSeconds: median(withMetrics.map((incident) => incident.metrics.timeToDetectSeconds)),
      timeToContainSeconds: median(withMetrics.map((incident) => incident.metrics.timeToContainSeconds)),
      timeToResolveSeconds: median(withMetrics.map((incident) => incident.metrics.timeToResolveSeconds)),
    },
  };
}
