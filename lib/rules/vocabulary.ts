// Words of detection, as plain values the browser can import too.
import type { Severity } from "@/lib/incidents/vocabulary";

/** Stable rule keys (DESIGN.md, "rules and alerts"): integrations address rules by them. */
export const ruleKeys = [
  "restricted-outside-scope",
  "unapproved-post",
  "permission-widening",
  "rate-spike",
  "use-after-containment",
  "unknown-agent",
  "approval-required",
] as const;
export type RuleKey = (typeof ruleKeys)[number];

export const alertSeverities = ["low", "medium", "high", "critical"] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

/**
 * What a rule does when it fires (the circuit breaker). `contain` declares an
 * incident too, so the automatic containment always has a record to live in.
 */
export const ruleResponses = ["alert", "declare", "contain"] as const;
export type RuleResponse = (typeof ruleResponses)[number];

export const ruleResponseLabels: Record<RuleResponse, string> = {
  alert: "Alert",
  declare: "Alert and declare an incident",
  contain: "Contain automatically (declares an incident too)",
};

/**
 * open: waits for a person; acknowledged: someone has it (firings keep joining);
 * resolved: its incident was resolved or closed; dismissed: not a problem, with a
 * reason. Only open and acknowledged alerts collect new firings: after those, a firing
 * opens a new alert.
 */
export const alertStatuses = ["open", "acknowledged", "resolved", "dismissed"] as const;
export const liveAlertStatuses = ["open", "acknowledged"] as const;
export type AlertStatus = (typeof alertStatuses)[number];

/** Where the circuit breaker stands for an alert. */
export const responseStates = ["none", "pending", "done", "failed"] as const;
export type ResponseState = (typeof responseStates)[number];

/** The incident severity an alert's severity suggests when one is declared from it. */
export const incidentSeverityFor: Record<AlertSeverity, Severity> = {
  critical: "SEV1",
  high: "SEV2",
  medium: "SEV3",
  low: "SEV4",
};
