// The overview's numbers: open incidents, contained agents, and time to contain over
// the most recent incidents.
import { count, desc, eq, inArray } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { agents, incidents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { incidentMetrics } from "./incident-metrics";
import { type PublicIncident, toPublicIncident } from "./public-incident";

export interface DashboardStats {
  openIncidents: PublicIncident[];
  containedAgents: number;
  recent: { reference: string; id: string; timeToContainSeconds: number | null }[];
}

export async function dashboardStats(db: Queryable, caller: Caller): Promise<DashboardStats> {
  authorize(caller, "console:read");
  const [open, [contained], recent] = await Promise.all([
    db.select().from(incidents).where(inArray(incidents.status, ["investigating", "contained"])).orderBy(desc(incidents.declaredAt)).limit(20),
    db.select({ count: count() }).from(agents).where(eq(agents.status, "suspended")),
    db.select().from(incidents).orderBy(desc(incidents.declaredAt)).limit(12),
  ]);
  return {
    openIncidents: open.map(toPublicIncident),
    containedAgents: contained?.count ?? 0,
    recent: recent.reverse().map((incident) => ({ reference: `INC-${incident.number}`, id: incident.id, timeToContainSeconds: incidentMetrics(incident).timeToContainSeconds })),
  };
}
