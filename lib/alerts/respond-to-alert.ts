// The circuit breaker: what a rule set to `declare` or `contain` does once its alert
// has committed. It acts as the rule (ruleCaller), through the same verbs a responder
// uses, so the audit log, the connectors and the incident timeline read the same.
// Every step is idempotent; an alert left `pending` by a crash or a lost race is
// picked up again by the sweeper (run-alert-responses.ts).
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alerts } from "@/db/schema";
import { ruleCaller } from "@/lib/auth/caller";
import { containAgent } from "@/lib/containment/contain-agent";
import { describeForLog } from "@/lib/http/describe-for-log";
import { openIncidentForAlert } from "./open-incident-for-alert";

export interface AlertResponse {
  incidentId: string | null;
  containmentId: string | null;
}

export async function respondToAlert(db: Db, alertId: string): Promise<AlertResponse | null> {
  try {
    const prepared = await db.transaction(async (tx) => {
      const [alert] = await tx.select().from(alerts).where(eq(alerts.id, alertId)).for("update");
      if (!alert || alert.responseState !== "pending") return null;
      if (alert.status === "dismissed" || alert.response === "alert") {
        await tx.update(alerts).set({ responseState: "none", updatedAt: new Date() }).where(eq(alerts.id, alertId));
        return null;
      }
      const incidentId = alert.incidentId ?? (await openIncidentForAlert(tx, ruleCaller(alert.ruleKey), alert)).id;
      return { alert, incidentId };
    });
    if (!prepared) return null;
    const { alert, incidentId } = prepared;

    let containmentId: string | null = null;
    if (alert.response === "contain" && alert.agentId) {
      const result = await containAgent(db, ruleCaller(alert.ruleKey), alert.agentId, {
        reason: `Automatic containment by rule ${alert.ruleKey} (ALR-${alert.number}): ${alert.title}`.slice(0, 1000),
        incidentId,
      });
      containmentId = result.containment.id;
    }
    await db
      .update(alerts)
      .set({ responseState: "done", responseError: null, containmentId: containmentId ?? alert.containmentId, updatedAt: new Date() })
      .where(eq(alerts.id, alertId));
    return { incidentId, containmentId };
  } catch (error) {
    // Left pending: the sweeper tries again. The reason is kept for the alert's page.
    console.error(`[rules] response to alert ${alertId} failed: ${describeForLog(error)}`);
    await db
      .update(alerts)
      .set({ responseError: error instanceof Error ? error.message.slice(0, 500) : "failed", updatedAt: new Date() })
      .where(eq(alerts.id, alertId))
      .catch(() => {});
    return null;
  }
}

/** Responds to the alerts a batch raised that call for it, one after another. */
export async function respondToAlerts(db: Db, raised: { id: string; responseState: string }[]): Promise<void> {
  for (const alert of raised) if (alert.responseState === "pending") await respondToAlert(db, alert.id);
}
