"use client";
// One alert of a case: what fired, on whom, how often, what the circuit breaker did,
// and the answers that are the alert's own (acknowledge, dismiss with a reason). Declare
// and contain belong to the whole case, in its header (alert-case.tsx).
import Link from "next/link";
import { useState } from "react";
import { ReasonDialog } from "@/components/agents/reason-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { PublicAlert } from "@/lib/alerts/public-alert";
import { useAlert, useAlertMutation } from "@/lib/alerts/queries";
import { formatAgo, formatUtc } from "@/lib/format-time";
import { notApplied } from "@/lib/http/api-client";
import { AlertSeverityBadge, AlertStatusBadge, ResponseBadge } from "./alert-badges";

const MINUTE = 60_000;

function timelineLink(alert: PublicAlert, at: string): string {
  const time = new Date(at).getTime();
  const params = new URLSearchParams({ from: new Date(time - 5 * MINUTE).toISOString(), to: new Date(time + MINUTE).toISOString() });
  if (alert.agent) params.set("agentId", alert.agent.id);
  return `/timeline?${params}`;
}

export function AlertRow({ alert, canAct }: { alert: PublicAlert; canAct: boolean }) {
  const [expanded, setExpanded] = useState(false);
  const [dialog, setDialog] = useState<"dismiss" | null>(null);
  const detail = useAlert(alert.id, expanded);
  const acknowledge = useAlertMutation<undefined>(alert.id, "acknowledge");
  const dismiss = useAlertMutation<{ reason: string }>(alert.id, "dismiss");
  const contained = alert.agent?.status === "suspended";
  const live = alert.status === "open" || alert.status === "acknowledged";

  return (
    <li className="py-3" data-testid="alert" data-rule={alert.rule} data-status={alert.status}>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-[16rem] flex-1">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-mono text-xs text-muted">ALR-{alert.number}</span>
            <AlertSeverityBadge severity={alert.severity} />
            <AlertStatusBadge status={alert.status} />
            <ResponseBadge response={alert.response} state={alert.responseState} incidentNumber={alert.incidentNumber} />
          </p>
          <button type="button" className="mt-1 text-left font-medium hover:underline" aria-expanded={expanded} onClick={() => setExpanded((value) => !value)}>
            {alert.title}
          </button>
          <p className="mt-0.5 text-xs text-muted">
            <span className="font-mono">{alert.rule}</span> · {alert.firings} {alert.firings === 1 ? "firing" : "firings"} · last {formatAgo(alert.lastSeenAt)} · first{" "}
            {formatUtc(alert.firstSeenAt)}
            {alert.agent ? (
              <>
                {" · "}
                <Link href={`/agents/${alert.agent.id}`} className="underline">
                  {alert.agent.name}
                </Link>{" "}
                {contained ? <Badge tone="danger">contained</Badge> : <Badge tone="ok">live</Badge>}
              </>
            ) : null}
            {alert.incidentId ? (
              <>
                {" · "}
                <Link href={`/incidents/${alert.incidentId}`} className="underline">
                  INC-{alert.incidentNumber}
                </Link>
              </>
            ) : null}
          </p>
          {alert.status === "dismissed" ? (
            <p className="mt-1 text-xs text-muted">
              Dismissed by {alert.dismissedBy}: {alert.dismissReason}
            </p>
          ) : null}
          {alert.responseError && alert.responseState !== "done" ? <p className="mt-1 text-xs text-danger">Circuit breaker: {alert.responseError}</p> : null}
        </div>
        {canAct && live ? (
          <div className="flex flex-wrap gap-2">
            {alert.status === "open" ? (
              <Button size="sm" variant="secondary" onClick={() => acknowledge.mutate(undefined)} disabled={acknowledge.isPending}>
                Acknowledge
              </Button>
            ) : null}
            <Button size="sm" variant="secondary" onClick={() => setDialog("dismiss")}>
              Dismiss
            </Button>
          </div>
        ) : null}
      </div>
      {expanded ? (
        <div className="mt-2 rounded-md bg-surface-2 p-3 text-sm">
          {detail.isPending ? <p className="text-muted">Loading firings…</p> : null}
          {detail.data ? (
            <ul className="space-y-1">
              {detail.data.recentFirings.map((firing, index) => (
                <li key={`${firing.firedAt}-${index}`} className="flex flex-wrap gap-x-2">
                  <time className="font-mono text-xs text-muted" dateTime={firing.firedAt}>
                    {formatUtc(firing.firedAt)}
                  </time>
                  <span>{firing.reason}</span>
                  <Link href={timelineLink(alert, firing.firedAt)} className="text-xs underline">
                    on the timeline
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {acknowledge.error ? <p role="alert" className="mt-1 text-sm text-danger">{notApplied("Acknowledgement", acknowledge.error)}</p> : null}
      <ReasonDialog
        open={dialog === "dismiss"}
        title={`Dismiss ALR-${alert.number}`}
        consequence="The alert closes; if the rule fires again on the same agent, a new alert opens."
        confirmLabel="Dismiss alert"
        pending={dismiss.isPending}
        error={dismiss.error ? notApplied("Dismissal", dismiss.error) : undefined}
        onCancel={() => setDialog(null)}
        onConfirm={(reason) => dismiss.mutate({ reason }, { onSuccess: () => setDialog(null) })}
      />
    </li>
  );
}
