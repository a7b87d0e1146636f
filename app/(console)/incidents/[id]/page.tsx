import { eq } from "drizzle-orm";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/agents/agent-badges";
import { ContainButton } from "@/components/containment/contain-button";
import { BlastRadiusTable } from "@/components/incidents/blast-radius-table";
import { IncidentStatusBadge, SeverityBadge } from "@/components/incidents/incident-badges";
import { ReviewForm } from "@/components/incidents/review-form";
import { ContainAllButton, NoteForm, PinButton, RunningClock, StatusButtons } from "@/components/incidents/incident-controls";
import { KindBadge, OutcomeBadge, SensitivityBadge } from "@/components/timeline/action-badges";
import { Card } from "@/components/ui/card";
import { incidents } from "@/db/schema";
import type { AgentStatus } from "@/lib/agents/vocabulary";
import { can } from "@/lib/auth/authorize";
import { requirePageCaller } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { formatUtc } from "@/lib/format-time";
import { isUuid } from "@/lib/http/is-uuid";
import { blastRadius, exposureRowsOnPage } from "@/lib/incidents/blast-radius";
import { getIncident } from "@/lib/incidents/get-incident";
import { recentIncidentActions } from "@/lib/incidents/recent-incident-actions";
import { severityDefinitions } from "@/lib/incidents/vocabulary";
import { formatDuration } from "@/lib/reports/format-duration";

export const metadata: Metadata = { title: "Incident" };

type Item = { at: string; key: string; node: React.ReactNode };

const views = [
  { key: "all", label: "Everything" },
  { key: "responders", label: "Responders" },
  { key: "agents", label: "Agent actions" },
  { key: "pinned", label: "Key evidence" },
] as const;

export default async function IncidentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const caller = await requirePageCaller();
  const { id } = await params;
  const wanted = (await searchParams).show;
  const show = views.find((view) => view.key === wanted)?.key ?? "all";
  if (!isUuid(id)) notFound();
  const db = await getDb();
  const detail = await getIncident(db, caller, id).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404) notFound();
    throw error;
  });
  const [row] = await db.select().from(incidents).where(eq(incidents.id, id));
  if (!row) notFound();
  const [radius, recent] = await Promise.all([blastRadius(db, caller, id), recentIncidentActions(db, row)]);
  const { incident, agents, events, metrics } = detail;
  const canAct = can(caller, "incidents:act") && incident.status !== "closed";
  const pinnedSeqs = new Set(detail.pinnedActions.map((action) => action.seq));
  const uncontained = agents.filter((agent) => !agent.containedAt).length;

  const shownEvents = show === "agents" ? [] : show === "pinned" ? events.filter((event) => event.pinned) : events;
  const shownActions = show === "responders" ? [] : show === "pinned" ? recent.filter((action) => pinnedSeqs.has(action.seq)) : recent;
  const items: Item[] = [
    ...shownEvents.map((event) => ({
      at: event.occurredAt,
      key: `e-${event.id}`,
      node: (
        <div className="flex items-start justify-between gap-3">
          <p className="min-w-0 text-sm">
            <span className="mr-2 rounded bg-info-bg px-1.5 py-0.5 text-xs text-info">{event.kind.replace("_", " ")}</span>
            <span className="text-muted">{event.actor}:</span> {event.body}
          </p>
          {canAct && event.kind === "note" ? <PinButton incidentId={id} target={{ eventId: event.id }} pinned={event.pinned} /> : event.pinned ? <span className="text-xs text-warn">★</span> : null}
        </div>
      ),
    })),
    ...(show === "all" || show === "agents"
      ? detail.alerts.map((alert) => ({
          at: alert.firstSeenAt,
          key: `l-${alert.id}`,
          node: (
            <p className="text-sm" data-testid="incident-alert">
              <span className="mr-2 rounded bg-danger-bg px-1.5 py-0.5 text-xs text-danger">alert</span>
              <Link href={alert.agent ? `/alerts?status=&agentId=${alert.agent.id}` : "/alerts?status="} className="hover:underline">
                ALR-{alert.number} {alert.title}
              </Link>{" "}
              <span className="text-muted">
                ({alert.rule}, {alert.firings} {alert.firings === 1 ? "firing" : "firings"}, {alert.status}
                {alert.responseState === "done" && alert.response !== "alert" ? `, ${alert.response === "contain" ? "contained" : "declared"} automatically` : ""})
              </span>
            </p>
          ),
        }))
      : []),
    ...shownActions.map((action) => ({
      at: action.occurredAt,
      key: `a-${action.seq}`,
      node: (
        <div className="flex items-start justify-between gap-3">
          <p className="min-w-0 text-sm">
            <span className="font-medium">{action.agentName}</span> <KindBadge kind={action.kind} /> {action.summary ?? action.tool}{" "}
            {action.target?.sensitivity ? <SensitivityBadge sensitivity={action.target.sensitivity} /> : null} <OutcomeBadge outcome={action.outcome} />
            {action.afterContainment ? <span className="ml-1 text-xs text-danger">after containment</span> : null}
          </p>
          {canAct ? <PinButton incidentId={id} target={{ actionSeq: action.seq }} pinned={pinnedSeqs.has(action.seq)} /> : null}
        </div>
      ),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-muted">
        <Link href="/incidents" className="hover:underline">Incidents</Link> / {incident.reference}
      </nav>
      <header className="mb-5 flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold tracking-tight">
            <span className="font-mono text-base text-muted">{incident.reference}</span> {incident.title}
            <SeverityBadge severity={incident.severity} />
            <IncidentStatusBadge status={incident.status} />
          </h1>
          <p className="mt-1 text-sm text-muted">
            Commander {incident.commander} · {severityDefinitions[incident.severity]}
          </p>
          {incident.summary ? <p className="mt-2 max-w-3xl text-sm">{incident.summary}</p> : null}
        </div>
        <div className="flex flex-col items-end gap-2">
          {canAct ? <StatusButtons incidentId={id} status={incident.status} severity={incident.severity} /> : null}
          <div className="flex gap-2 text-sm">
            {(["md", "pdf", "json", "csv"] as const).map((format) => (
              <a key={format} href={`/api/v1/incidents/${id}/report?format=${format}`} className="rounded border border-border px-2 py-1 hover:bg-surface-2" download>
                Report .{format}
              </a>
            ))}
          </div>
        </div>
      </header>

      <div className="mb-6 grid grid-cols-2 gap-3 md:grid-cols-4">
        <RunningClock label="Elapsed since impact" since={incident.startedAt} until={incident.resolvedAt ?? incident.closedAt} />
        <RunningClock label="Time to contain" since={incident.startedAt} until={incident.containedAt ?? (incident.resolvedAt ?? incident.closedAt)} />
        <div className="rounded-lg border border-border bg-surface p-3">
          <p className="text-xs text-muted">Time to detect</p>
          <p className="font-mono text-lg">{formatDuration(metrics.timeToDetectSeconds)}</p>
        </div>
        <div className="rounded-lg border border-border bg-surface p-3">
          <p className="text-xs text-muted">Time to resolve</p>
          <p className="font-mono text-lg">{formatDuration(metrics.timeToResolveSeconds)}</p>
        </div>
      </div>

      <div className="grid grid-cols-1 gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-1">
          <Card className="p-5">
            <div className="mb-3 flex items-center justify-between gap-2">
              <h2 className="text-base font-semibold">Involved agents</h2>
              {canAct && uncontained > 0 && can(caller, "agents:act") ? <ContainAllButton incidentId={id} count={uncontained} /> : null}
            </div>
            <ul className="divide-y divide-border">
              {agents.map((agent) => (
                <li key={agent.id} className="flex flex-wrap items-center justify-between gap-2 py-2 text-sm">
                  <span>
                    <Link href={`/agents/${agent.id}`} className="font-medium hover:underline">{agent.name}</Link>{" "}
                    <StatusBadge status={agent.status as AgentStatus} />
                    {agent.containedAt ? <span className="block text-xs text-muted">contained {formatUtc(agent.containedAt)} by {agent.containedBy}</span> : null}
                  </span>
                  {!agent.containedAt && can(caller, "agents:act") && incident.status !== "closed" ? <ContainButton agent={agent} size="sm" incidentId={incident.id} /> : null}
                </li>
              ))}
              {agents.length === 0 ? <li className="py-2 text-sm text-muted">No agent involved yet.</li> : null}
            </ul>
          </Card>
          <Card className="p-5">
            <h2 className="mb-3 text-base font-semibold">Blast radius</h2>
            <p className="mb-3 text-sm">
              <strong>{radius.exposure.people}</strong> people accessed sensitive data <strong>{radius.exposure.accesses}</strong> times
              {radius.exposure.from ? ` over ${formatDuration(radius.exposure.durationSeconds)}` : ""}
              {radius.exposure.notCleared ? <>; <strong className="text-danger">{radius.exposure.notCleared}</strong> of them not cleared</> : null}.
            </p>
            <h3 className="text-xs font-semibold uppercase text-muted">Touched by the agents</h3>
            <ul className="mb-3 text-sm">
              {radius.touched.slice(0, 12).map((resource) => (
                <li key={`${resource.type}-${resource.id}`}>
                  {resource.sensitivity ? <SensitivityBadge sensitivity={resource.sensitivity as never} /> : null} {resource.type} <span className="font-mono text-xs">{resource.id}</span> ×{resource.actions}
                </li>
              ))}
              {radius.touched.length === 0 ? <li className="text-muted">nothing recorded</li> : null}
            </ul>
            <h3 className="text-xs font-semibold uppercase text-muted">Permission changes</h3>
            <ul className="mb-3 text-sm">
              {radius.permissionChanges.map((change) => (
                <li key={change.seq}>
                  {formatUtc(change.occurredAt)} {change.made} <span className="font-medium">{change.actor}</span> on {change.target}
                </li>
              ))}
              {radius.permissionChanges.length === 0 ? <li className="text-muted">none</li> : null}
            </ul>
            <p className="text-sm text-muted">
              <a href="#who-accessed" className="hover:underline">Who accessed, per person and data set ↓</a>
            </p>
          </Card>
        </div>
        <Card className="min-w-0 p-5 lg:col-span-2">
          <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
            <h2 className="text-base font-semibold">Incident timeline</h2>
            <nav aria-label="Show" className="flex gap-1 text-xs">
              {views.map((view) => (
                <Link
                  key={view.key}
                  href={`/incidents/${id}${view.key === "all" ? "" : `?show=${view.key}`}`}
                  aria-current={show === view.key ? "true" : undefined}
                  className={`rounded-full px-2.5 py-1 ${show === view.key ? "bg-fg text-bg" : "bg-surface-2 hover:underline"}`}
                >
                  {view.label}
                </Link>
              ))}
            </nav>
          </div>
          {canAct ? (
            <div className="mb-4">
              <NoteForm incidentId={id} />
            </div>
          ) : null}
          {detail.pinnedActions.length || events.some((event) => event.pinned) ? (
            <div className="mb-4 rounded-md border border-warn bg-warn-bg/40 p-3">
              <h3 className="mb-1 text-sm font-semibold">Key evidence</h3>
              <ul className="text-sm">
                {detail.pinnedActions.map((action) => (
                  <li key={action.seq}>★ {formatUtc(action.occurredAt)} {action.agentName}: {action.summary}</li>
                ))}
                {events.filter((event) => event.pinned).map((event) => (
                  <li key={event.id}>★ {formatUtc(event.occurredAt)} {event.actor}: {event.body}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {/* Agents write long unbroken words (ids, paths, emails); they wrap rather than widen a phone's page. */}
          <ol className="divide-y divide-border [overflow-wrap:anywhere]">
            {items.map((item) => (
              <li key={item.key} className="grid grid-cols-[7.5rem_minmax(0,1fr)] gap-3 py-2">
                <span className="font-mono text-xs text-muted" title={item.at}>{item.at.slice(5, 19).replace("T", " ")}</span>
                {item.node}
              </li>
            ))}
          </ol>
        </Card>
      </div>

      <Card className="mt-6 min-w-0 p-5" id="who-accessed">
        <h2 className="mb-1 text-base font-semibold">Who accessed</h2>
        <BlastRadiusTable incidentId={id} exposures={radius.exposures} truncated={radius.exposures.length >= exposureRowsOnPage} />
      </Card>

      <Card className="mt-6 p-5">
        <h2 className="mb-1 text-base font-semibold">Post-incident review</h2>
        <p className="mb-4 text-sm text-muted">What the report&apos;s summary, root cause, follow-ups and lessons say. Impact comes from the blast radius.</p>
        <ReviewForm
          incidentId={id}
          editable={canAct}
          review={{
            summary: incident.summary,
            rootCause: incident.rootCause,
            contributingFactors: incident.contributingFactors,
            lessons: incident.lessons,
            followUps: incident.followUps,
          }}
        />
      </Card>
    </>
  );
}
