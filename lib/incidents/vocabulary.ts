// Words of incidents, as plain values the browser can import too.
export const severities = ["SEV1", "SEV2", "SEV3", "SEV4"] as const;
export type Severity = (typeof severities)[number];

export const severityDefinitions: Record<Severity, string> = {
  SEV1: "Critical: sensitive data exposed or an agent acting harmfully right now; all hands until contained.",
  SEV2: "Major: real harm is likely or limited exposure happened; respond within the hour.",
  SEV3: "Minor: a policy was broken without known harm; respond today.",
  SEV4: "Low: suspicious or noteworthy; track it.",
};

export const incidentStatuses = ["investigating", "contained", "resolved", "closed"] as const;
export type IncidentStatus = (typeof incidentStatuses)[number];

/** Which status may follow which. Closed is final; resolved may be reopened. */
export const allowedTransitions: Record<IncidentStatus, readonly IncidentStatus[]> = {
  investigating: ["contained", "resolved"],
  contained: ["investigating", "resolved"],
  resolved: ["investigating", "closed"],
  closed: [],
};

export const incidentEventKinds = ["declared", "status_change", "containment", "agent_added", "note", "edited", "alert"] as const;
export type IncidentEventKind = (typeof incidentEventKinds)[number];
