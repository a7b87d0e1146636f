// The report as plain lines, shared by Markdown and PDF so both say the same things.
import type { ReportAction } from "@/lib/incidents/incident-actions";
import { formatDuration } from "./format-duration";
import type { ReportData } from "./report-data";

export interface Section {
  title: string;
  lines: string[];
}

export function reportSections(data: ReportData): Section[] {
  const { incident, detail, blast } = data;
  const m = detail.metrics;
  const stamp = (date: Date | null) => (date ? date.toISOString() : "—");
  return [
    {
      title: "Summary",
      lines: [
        `Severity: ${incident.severity} · Status: ${incident.status} · Commander: ${incident.commander}`,
        incident.summary || "(no summary)",
      ],
    },
    {
      title: "Lifecycle",
      lines: [
        `Impact started: ${stamp(incident.startedAt)}`,
        `Detected: ${stamp(incident.detectedAt)} (time to detect ${formatDuration(m.timeToDetectSeconds)})`,
        `Declared: ${stamp(incident.declaredAt)}`,
        `Contained: ${stamp(incident.containedAt)} (time to contain ${formatDuration(m.timeToContainSeconds)})`,
        `Resolved: ${stamp(incident.resolvedAt)} (time to resolve ${formatDuration(m.timeToResolveSeconds)})`,
        `Closed: ${stamp(incident.closedAt)}`,
      ],
    },
    {
      title: "Involved agents",
      lines: detail.agents.length
        ? detail.agents.map((agent) => `${agent.name} (owner ${agent.owner}, ${agent.status}${agent.containedAt ? `, contained ${agent.containedAt} by ${agent.containedBy}` : ""})`)
        : ["none"],
    },
    {
      title: "Alerts",
      lines: detail.alerts.length
        ? detail.alerts.map(
            (alert) =>
              `ALR-${alert.number} ${alert.severity} ${alert.rule}: ${alert.title} (${alert.firings} firing(s), ${alert.firstSeenAt} -> ${alert.lastSeenAt}, ${alert.status}${alert.responseState === "done" && alert.response !== "alert" ? `, ${alert.response === "contain" ? "contained" : "declared"} automatically` : ""})`,
          )
        : ["none"],
    },
    {
      title: "Credentials revoked",
      lines: data.revokedTokens.length
        ? data.revokedTokens.map((token) => `${token.revokedAt} ${token.agent} ${token.prefix} by ${token.revokedBy ?? "?"}: ${token.reason ?? ""}`)
        : ["none"],
    },
    {
      title: "Systems notified",
      lines: data.deliveries.length
        ? data.deliveries.map((delivery) => `${delivery.connector} ${delivery.eventType} for ${delivery.agent}: ${delivery.status} after ${delivery.attempts} attempt(s)${delivery.lastError ? ` (${delivery.lastError})` : ""}`)
        : ["none"],
    },
    {
      title: "Blast radius",
      lines: [
        `Window: ${blast.window.from} -> ${blast.window.to}`,
        `Exposure: ${blast.exposure.people} people, ${blast.exposure.accesses} accesses${blast.exposure.from ? ` between ${blast.exposure.from} and ${blast.exposure.to} (${formatDuration(blast.exposure.durationSeconds)})` : ""}`,
        ...blast.touched.map((resource) => `Touched ${resource.sensitivity ?? "unclassified"} ${resource.type} ${resource.id}: ${resource.actions} actions (${resource.kinds.join(", ")})`),
        ...blast.permissionChanges.map((change) => `Permission change ${change.occurredAt} by ${change.made} ${change.actor} on ${change.target}: ${change.summary ?? ""}`),
        ...blast.people.map((person) => `Accessed by ${person.person}: ${person.accesses} times, ${person.first} -> ${person.last} (${person.resources.join(", ")})`),
      ],
    },
    {
      title: "Pinned evidence",
      lines: [
        ...detail.pinnedActions.map((action) => `Action #${action.seq} ${action.occurredAt} ${action.agentName ?? action.actor.id}: ${action.kind} ${action.summary ?? ""}`),
        ...detail.events.filter((event) => event.pinned).map((event) => `Note ${event.occurredAt} ${event.actor}: ${event.body}`),
      ].concat(detail.pinnedActions.length || detail.events.some((event) => event.pinned) ? [] : ["none"]),
    },
    {
      title: "Responder log",
      lines: [...detail.events].reverse().map((event) => `${event.occurredAt} ${event.actor} [${event.kind}] ${event.body}`),
    },
  ];
}

export function timelineLine(action: ReportAction, agentNames: Map<string, string>): string {
  const who = action.actorType === "human" ? `person ${action.humanId}` : (agentNames.get(action.agentId ?? "") ?? action.agentId ?? "?");
  const target = action.targetType ? ` ${action.targetType} ${action.targetId}${action.sensitivity ? ` [${action.sensitivity}]` : ""}` : "";
  return `${action.occurredAt.toISOString()} #${action.id} ${who} ${action.kind}${action.tool ? ` ${action.tool}` : ""}${target} ${action.outcome}${action.afterContainment ? " AFTER CONTAINMENT" : ""}: ${action.summary ?? ""}`;
}
