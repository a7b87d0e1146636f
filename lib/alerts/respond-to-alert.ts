// The circuit breaker: what a rule set to `declare` or `contain` does once its alert
// has committed. It acts as the rule (ruleCaller), through the same verbs a responder
// uses, so the audit log, the connectors and the incident timeline read the same.
// Every step is idempotent; an alert left `pending` by a crash or a lost race is
// picked up again by the sweeper (run-alert-responses.ts).
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { alerts, incidents } from "@/db/schema";
import { ruleCaller } from "@/lib/auth/caller";
import { containAgent } from "@/lib/containment/contain-agent";
import { AppError } from "@/lib/errors";
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
      if (alert.status === "dismissed" || alert.status === "resolved" || alert.response === "alert") {
        await tx.update(alerts).set({ responseState: "none", updatedAt: new Date() }).where(eq(alerts.id, alertId));
        return null;
      }
      // A refiring after its incident was resolved or closed is a new incident.
      const [linked] = alert.incidentId ? await tx.select({ status: incidents.status }).from(incidents).where(eq(incidents.id, alert.incidentId)) : [];
      const open = linked && linked.status !== "resolved" && linked.status !== "closed";
      const incidentId = open && alert.incidentId ? alert.incidentId : (await openIncidentForAlert(tx, ruleCaller(alert.ruleKey), alert)).id;
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
    // Done only if no firing arrived meanwhile: a refiring left it pending on purpose,
    // and the sweeper responds again (idempotently).
    await db
      .update(alerts)
      .set({ responseState: "done", responseError: null, containmentId: containmentId ?? alert.containmentId, updatedAt: new Date() })
      .where(and(eq(alerts.id, alertId), eq(alerts.firings, alert.firings)));
    return { incidentId, containmentId };
  } catch (error) {
    // A refusal (4xx: the agent is gone, the incident closed) will not change by
    // retrying: it fails for a person to see. Anything else stays pending for the sweeper.
    const permanent = error instanceof AppError && error.status < 500;
    console.error(`[rules] response to alert ${alertId} failed${permanent ? "" : " (will retry)"}: ${describeForLog(error)}`);
    await db
      .update(alerts)
      .set({ responseError: error instanceof Error ? error.message.slice(0, 500) : "failed", updatedAt: new Date(), ...(permanent ? { responseState: "failed" as const } : {}) })
      .where(eq(alerts.id, alertId))
      .catch(() => {});
    return null;
  }
}

/** Responds to the alerts a batch raised that call for it, one after another. */
export async function respondToAlerts(db: Db, raised: { id: string; responseState: string }[]): Promise<void> {
  for (const alert of raised) if (alert.responseState === "pending") await respondToAlert(db, alert.id);
}
