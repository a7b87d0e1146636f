// The post-incident report as sections of text, lists and tables, shared by Markdown and
// PDF so both say the same things under the same headings. Responders write the summary,
// root cause, contributing factors, lessons and follow-ups on the incident page; the
// Impact section is computed from the blast radius, so its counts are the page's.
import type { ReportAction } from "@/lib/incidents/incident-actions";
import { formatDuration } from "./format-duration";
import type { ReportData } from "./report-data";

export type Block =
  | { kind: "text"; text: string }
  | { kind: "list"; items: string[] }
  /** `widths` are relative column widths (the PDF's layout; Markdown ignores them). */
  | { kind: "table"; title: string; columns: string[]; widths: number[]; rows: string[][] };

export interface Section {
  title: string;
  blocks: Block[];
}

/** The headings, in order: a security lead's report reads the same every time. */
export const REPORT_HEADINGS = [
  "Executive summary",
  "Impact",
  "Timeline",
  "Root cause and contributing factors",
  "Containment",
  "Follow-ups",
  "Evidence",
  "Appendix: full action log",
] as const;

/** The appendix's columns, shared by the Markdown table and the PDF's. */
export const ACTION_LOG_COLUMNS = ["Time (UTC)", "#", "Actor", "Action", "Target", "Outcome", "Summary"];
export const ACTION_LOG_WIDTHS = [17, 6, 14, 14, 20, 9, 30];

const stamp = (iso: string | null) => (iso ? iso.replace("T", " ").replace(/\.\d+Z$/, "Z") : "—");
const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
const orNone = (text: string, none: string) => (text.trim() ? text : none);
const SENSITIVE = new Set(["confidential", "restricted"]);

function impact(data: ReportData): Block[] {
  const { blast } = data;
  const classes = [...new Set(blast.touched.map((resource) => resource.sensitivity ?? "unclassified"))];
  const sensitive = blast.touched.filter((resource) => SENSITIVE.has(resource.sensitivity ?? ""));
  const exposed = blast.exposure;
  const statement = exposed.people
    ? `${plural(exposed.people, "person", "people")} read data touched in this incident (${plural(exposed.accesses, "access", "accesses")})` +
      (exposed.from ? `, for ${formatDuration(exposed.durationSeconds)} from ${stamp(exposed.from)} to ${stamp(exposed.to)}.` : ".") +
      (exposed.notCleared ? ` ${plural(exposed.notCleared, "of them was", "of them were")} not cleared for it, as the source systems recorded.` : "")
    : "No person is recorded reading the data touched in this incident.";
  const notification =
    sensitive.length && exposed.people
      ? `Notification may be required: ${plural(sensitive.length, "data set")} classified ${[...new Set(sensitive.map((r) => r.sensitivity))].join(" or ")} ` +
        `reached ${plural(exposed.people, "person", "people")}. Check with privacy and legal whether they were cleared for it.`
      : "No confidential or restricted data is recorded as read by people; notification is not indicated by the record.";
  return [
    { kind: "text", text: `Data touched: ${classes.length ? classes.join(", ") : "none recorded"} (${plural(blast.touched.length, "resource")}).` },
    { kind: "text", text: statement },
    { kind: "text", text: notification },
    {
      kind: "table",
      title: "People who read touched data", columns: ["Person", "Accesses", "First access", "Last access", "Duration", "Data"],
      widths: [20, 9, 17, 17, 10, 27],
      rows: blast.people.map((person) => [
        person.person,
        String(person.accesses),
        stamp(person.first),
        stamp(person.last),
        formatDuration(Math.round((Date.parse(person.last) - Date.parse(person.first)) / 1000)),
        person.resources.join(", "),
      ]),
    },
    {
      kind: "table",
      title: "Resources touched", columns: ["Resource", "Sensitivity", "Actions", "Kinds"],
      widths: [40, 15, 10, 35],
      rows: blast.touched.map((resource) => [`${resource.type} ${resource.id}`, resource.sensitivity ?? "unclassified", String(resource.actions), resource.kinds.join(", ")]),
    },
  ];
}

function timeline(data: ReportData): Block[] {
  const { incident, detail } = data;
  const rows: [string, string, string][] = [
    [incident.startedAt.toISOString(), "impact", "Impact began"],
    [incident.detectedAt.toISOString(), "detected", "Detected"],
    ...detail.alerts.map((alert): [string, string, string] => [alert.firstSeenAt, "alert", `ALR-${alert.number} ${alert.severity} ${alert.rule}: ${alert.title}`]),
    ...detail.events.map((event): [string, string, string] => [event.occurredAt, event.kind, `${event.body} (${event.actor})`]),
    ...data.blast.permissionChanges.map((change): [string, string, string] => [change.occurredAt, "permission", `${change.actor} on ${change.target}: ${change.summary ?? ""}`]),
  ];
  rows.sort((a, b) => a[0].localeCompare(b[0]));
  return [{ kind: "table", title: "Key events", columns: ["Time (UTC)", "What", "Detail"], widths: [18, 14, 68], rows: rows.map(([at, what, text]) => [stamp(at), what, text]) }];
}

function containment(data: ReportData): Block[] {
  const { incident, detail } = data;
  return [
    {
      kind: "text",
      text: incident.containedAt
        ? `Contained ${stamp(incident.containedAt.toISOString())}, ${formatDuration(detail.metrics.timeToContainSeconds)} after the impact began.`
        : "Not every involved agent is contained.",
    },
    {
      kind: "table",
      title: "Involved agents", columns: ["Agent", "Owner", "Status", "Contained", "By"],
      widths: [24, 24, 12, 20, 20],
      rows: detail.agents.map((agent) => [agent.name, agent.owner, agent.status, stamp(agent.containedAt), agent.containedBy ?? "—"]),
    },
    {
      kind: "table",
      title: "Credentials revoked", columns: ["Revoked", "Agent", "Credential", "By", "Reason"],
      widths: [18, 16, 14, 20, 32],
      rows: data.revokedTokens.map((token) => [stamp(token.revokedAt), token.agent, token.prefix, token.revokedBy ?? "—", token.reason ?? ""]),
    },
    {
      kind: "table",
      title: "Systems notified", columns: ["System notified", "Event", "Agent", "Status", "Attempts", "Error"],
      widths: [18, 22, 14, 10, 9, 27],
      rows: data.deliveries.map((delivery) => [
        delivery.connector,
        delivery.eventType,
        delivery.agent,
        delivery.status,
        String(delivery.attempts),
        delivery.errorCode ? `${delivery.errorCode}: ${delivery.errorDescription ?? ""}` : (delivery.lastError ?? ""),
      ]),
    },
  ];
}

export function reportSections(data: ReportData): Section[] {
  const { incident, detail } = data;
  const m = detail.metrics;
  const review = detail.incident;
  return [
    {
      title: "Executive summary",
      blocks: [
        { kind: "text", text: orNone(incident.summary, "(The summary has not been written yet.)") },
        {
          kind: "list",
          items: [
            `Severity ${incident.severity}, status ${incident.status}, commander ${incident.commander}`,
            `Impact began ${stamp(incident.startedAt.toISOString())}; detected after ${formatDuration(m.timeToDetectSeconds)}; ` +
              `contained after ${formatDuration(m.timeToContainSeconds)}; resolved after ${formatDuration(m.timeToResolveSeconds)}`,
            `${plural(detail.agents.length, "agent")} involved, ${plural(detail.alerts.length, "alert")}, ${plural(data.blast.exposure.people, "person", "people")} exposed`,
            ...(review.resolutionSummary ? [`Resolution: ${review.resolutionSummary}`] : []),
          ],
        },
      ],
    },
    { title: "Impact", blocks: impact(data) },
    { title: "Timeline", blocks: timeline(data) },
    {
      title: "Root cause and contributing factors",
      blocks: [
        { kind: "text", text: `Root cause: ${orNone(review.rootCause, "not written yet.")}` },
        { kind: "text", text: `Contributing factors: ${orNone(review.contributingFactors, "not written yet.")}` },
      ],
    },
    { title: "Containment", blocks: containment(data) },
    {
      title: "Follow-ups",
      blocks: [
        {
          kind: "table",
          title: "Follow-ups", columns: ["Follow-up", "Owner", "Due", "Done"],
          widths: [52, 24, 14, 10],
          rows: review.followUps.map((item) => [item.title, item.owner, item.dueDate, item.done ? "yes" : "no"]),
        },
        { kind: "text", text: `Lessons learned: ${orNone(review.lessons, "not written yet.")}` },
      ],
    },
    {
      title: "Evidence",
      blocks: [
        {
          kind: "list",
          items: [
            ...detail.pinnedActions.map((action) => `Action #${action.seq} ${stamp(action.occurredAt)} ${action.agentName ?? action.actor.id}: ${action.kind} ${action.summary ?? ""}`),
            ...detail.events.filter((event) => event.pinned).map((event) => `Note ${stamp(event.occurredAt)} ${event.actor}: ${event.body}`),
          ],
        },
        {
          kind: "table",
          title: "Alerts", columns: ["Alert", "Severity", "Rule", "Firings", "First seen", "Status"],
          widths: [30, 10, 18, 9, 18, 15],
          rows: detail.alerts.map((alert) => [`ALR-${alert.number} ${alert.title}`, alert.severity, alert.rule, String(alert.firings), stamp(alert.firstSeenAt), alert.status]),
        },
      ],
    },
  ];
}

/** One row of the appendix: what a report shows of an action. */
export function actionLogRow(action: ReportAction, agentNames: Map<string, string>): string[] {
  const who = action.actorType === "human" ? `person ${action.humanId}` : (agentNames.get(action.agentId ?? "") ?? action.agentId ?? "?");
  const target = action.targetType ? `${action.targetType} ${action.targetId}${action.sensitivity ? ` [${action.sensitivity}]` : ""}` : "";
  return [
    stamp(action.occurredAt.toISOString()),
    String(action.id),
    who,
    `${action.kind}${action.tool ? ` ${action.tool}` : ""}`,
    target,
    `${action.outcome}${action.afterContainment ? " AFTER CONTAINMENT" : ""}`,
    action.summary ?? "",
  ];
}
