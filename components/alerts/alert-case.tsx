"use client";
// One case: the alerts that tell one story (one agent, and the permission change it
// led to), oldest first, under a header that says who, how bad, and whether the agent
// is still live, with the case's answers: contain and declare, contain, declare,
// acknowledge. The keyboard drives the same answers (alert-cases.tsx).
import Link from "next/link";
import { forwardRef, useEffect, useImperativeHandle, useRef, useState } from "react";
import { ContainDialog } from "@/components/containment/contain-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { keepFocusNear } from "@/components/ui/keep-focus-near";
import type { AlertCase as Case } from "@/lib/alerts/group-alert-cases";
import type { PublicAlert } from "@/lib/alerts/public-alert";
import { useAcknowledgeAlerts } from "@/lib/alerts/queries";
import { formatAgo, formatUtc } from "@/lib/format-time";
import { notApplied } from "@/lib/http/api-client";
import { AlertSeverityBadge } from "./alert-badges";
import { AlertRow } from "./alert-row";
import { ContainAndDeclareDialog } from "./contain-and-declare-dialog";
import { type CaseContext, DeclareFromAlertDialog } from "./declare-from-alert-dialog";

export type CaseCommand = "contain" | "declare" | "both" | "acknowledge" | "expand";

export interface AlertCaseHandle {
  run: (command: CaseCommand) => void;
  focus: () => void;
}

interface Props {
  found: Case;
  alerts: PublicAlert[];
  canAct: boolean;
  selected: boolean;
  compact?: boolean;
  onFocus: () => void;
}

export const AlertCase = forwardRef<AlertCaseHandle, Props>(function AlertCase({ found, alerts, canAct, selected, compact = false, onFocus }, handle) {
  const element = useRef<HTMLElement>(null);
  const [dialog, setDialog] = useState<"contain" | "declare" | "both" | null>(null);
  const [expanded, setExpanded] = useState(!compact);
  const acknowledge = useAcknowledgeAlerts();
  // After a dialog of this case closes, focus comes back to the case (its button may be gone).
  const refocus = useRef(false);
  useEffect(() => {
    if (dialog === null && refocus.current) {
      refocus.current = false;
      element.current?.focus();
    }
  }, [dialog]);
  const closeDialog = () => {
    refocus.current = true;
    setDialog(null);
  };
  const lead = alerts.find((alert) => alert.id === found.id) ?? (alerts[0] as PublicAlert);
  const agent = alerts.find((alert) => alert.agent)?.agent ?? null;
  const contained = agent?.status === "suspended";
  const live = alerts.some((alert) => alert.status === "open" || alert.status === "acknowledged");
  const incident = alerts.find((alert) => alert.incidentId);
  const openOnes = alerts.filter((alert) => alert.status === "open");
  const context: CaseContext = {
    suggestedSeverity: found.suggestedSeverity,
    related: alerts.filter((alert) => alert.id !== lead.id).map((alert) => `ALR-${alert.number}`),
    firstSeenAt: found.firstSeenAt,
  };
  const can = {
    contain: canAct && live && Boolean(agent) && !contained,
    declare: canAct && live && !incident,
    acknowledge: canAct && openOnes.length > 0,
  };

  const run = (command: CaseCommand) => {
    if (command === "expand") return setExpanded((value) => !value);
    if (command === "acknowledge") return can.acknowledge ? acknowledge.mutate(openOnes.map((alert) => alert.id)) : undefined;
    if (command === "contain" && can.contain) setDialog("contain");
    if (command === "declare" && can.declare) setDialog("declare");
    if (command === "both" && can.contain && can.declare) setDialog("both");
  };
  useImperativeHandle(handle, () => ({ run, focus: () => element.current?.focus() }));

  return (
    <section
      ref={element}
      tabIndex={0}
      onFocus={(event) => event.target === event.currentTarget && onFocus()}
      data-testid="alert-case"
      data-focus-home
      data-agent-status={agent?.status ?? ""}
      aria-label={`Case: ${agent?.name ?? lead.subject}, ${found.severity}, ${alerts.length} ${alerts.length === 1 ? "alert" : "alerts"}`}
      className={`rounded-lg border bg-surface px-4 py-3 outline-none focus-visible:ring-2 focus-visible:ring-fg ${selected ? "border-fg" : "border-border"}`}
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1">
          <h2 className="flex flex-wrap items-center gap-2 text-base font-semibold">
            <AlertSeverityBadge severity={found.severity} />
            {agent ? (
              <>
                <Link href={`/agents/${agent.id}`} className="break-all hover:underline">
                  {agent.name}
                </Link>
                {contained ? <Badge tone="danger">contained</Badge> : <Badge tone="ok">live</Badge>}
              </>
            ) : (
              <span className="break-all">{lead.subject}</span>
            )}
          </h2>
          <p className="mt-0.5 text-xs text-muted">
            {alerts.length} {alerts.length === 1 ? "alert" : "alerts"} · first {formatUtc(found.firstSeenAt)} · last {formatAgo(found.lastSeenAt)}
            {incident ? (
              <>
                {" · "}
                <Link href={`/incidents/${incident.incidentId}`} className="underline">
                  INC-{incident.incidentNumber}
                </Link>
              </>
            ) : (
              ` · suggests ${found.suggestedSeverity}`
            )}
          </p>
        </div>
        {canAct && live ? (
          <div className="flex flex-wrap gap-2">
            {can.contain && can.declare ? (
              <Button size="sm" variant="danger" onClick={() => setDialog("both")} aria-keyshortcuts="x">
                Contain and declare
              </Button>
            ) : null}
            {can.contain ? (
              <Button size="sm" variant={can.declare ? "secondary" : "danger"} onClick={() => setDialog("contain")} aria-keyshortcuts="c">
                Contain {agent?.name}
              </Button>
            ) : null}
            {can.declare ? (
              <Button size="sm" variant="secondary" onClick={() => setDialog("declare")} aria-keyshortcuts="d">
                Declare incident
              </Button>
            ) : null}
            {can.acknowledge ? (
              <Button size="sm" variant="secondary" onClick={() => run("acknowledge")} disabled={acknowledge.isPending} aria-keyshortcuts="a">
                Acknowledge{openOnes.length > 1 ? ` ${openOnes.length}` : ""}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {acknowledge.error ? (
        <p role="alert" className="mt-1 text-sm text-danger">
          {notApplied("Acknowledgement", acknowledge.error)}
        </p>
      ) : null}
      {expanded ? (
        <ul className="mt-2 divide-y divide-border border-t border-border">
          {alerts.map((alert) => (
            <AlertRow key={alert.id} alert={alert} canAct={canAct} />
          ))}
        </ul>
      ) : (
        <button type="button" className="mt-1 text-xs underline" onClick={() => setExpanded(true)} aria-expanded={false}>
          Show {alerts.length === 1 ? "the alert" : `the ${alerts.length} alerts`}
        </button>
      )}
      {agent && dialog === "contain" ? (
        <ContainDialog
          agent={agent}
          open
          onClose={closeDialog}
          defaultReason={`ALR-${lead.number}: ${lead.title}`}
          incidentId={incident?.incidentId ?? undefined}
          onContained={() => keepFocusNear(element.current)}
        />
      ) : null}
      {dialog === "declare" ? <DeclareFromAlertDialog alert={lead} context={context} open onClose={closeDialog} /> : null}
      {agent && dialog === "both" ? <ContainAndDeclareDialog lead={lead} agent={agent} context={context} open onClose={closeDialog} /> : null}
    </section>
  );
});
