// The rules' side of the finished demo run: the same detection the ingest verb runs,
// over the demo's stored actions, so the console opens with the alerts the case
// raised (the agent's unapproved post, its restricted reads, the widening, the shadow
// agent). Alerts about the story were acknowledged by its commander and are resolved
// with its incident; the rest wait for a person, as they would.
import { and, eq, isNull, or, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { actions, alerts } from "@/db/schema";
import { raiseAlerts } from "@/lib/alerts/raise-alerts";
import { detectFirings } from "@/lib/rules/detect-firings";
import { loadDetectionInputs } from "@/lib/rules/load-detection-inputs";

export interface RespondedStory {
  incidentId: string;
  agentId: string;
  by: string;
  at: Date;
}

export async function detectDemoAlerts(tx: Tx, ingestKeyId: string, story: RespondedStory | null): Promise<number> {
  const stored = await tx.select().from(actions).where(eq(actions.ingestKeyId, ingestKeyId)).orderBy(actions.id);
  const raised = await raiseAlerts(tx, detectFirings(stored, await loadDetectionInputs(tx, stored)));
  // Raised when their first action arrived, not when the demo was loaded.
  await tx.update(alerts).set({ createdAt: sql`${alerts.firstSeenAt} + interval '1 second'` });
  if (story) {
    await tx
      .update(alerts)
      .set({ incidentId: story.incidentId, status: "resolved", acknowledgedAt: story.at, acknowledgedBy: story.by })
      .where(or(eq(alerts.agentId, story.agentId), and(isNull(alerts.agentId), eq(alerts.ruleKey, "permission-widening"))));
  }
  return raised.length;
}
