// Detection: each rule's settings (the rule itself lives in lib/rules/catalog.ts),
// the alerts rules raise, each firing behind an alert, and per-minute action counts
// that give every agent its own baseline for the rate rule.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { AgentEnvironment } from "@/lib/agents/vocabulary";
import { alertSeverities, alertStatuses, responseStates, ruleResponses } from "@/lib/rules/vocabulary";

import { agents } from "./agents";
import { containments } from "./containment";
import { incidents } from "./incidents";

export const alertSeverity = pgEnum("alert_severity", alertSeverities);
export const ruleResponse = pgEnum("rule_response", ruleResponses);
export const alertStatus = pgEnum("alert_status", alertStatuses);
export const responseState = pgEnum("response_state", responseStates);

/** An admin's settings for one rule. No row: the rule runs with its defaults. */
export const ruleSettings = pgTable("rule_settings", {
  key: text("key").primaryKey(),
  enabled: boolean("enabled").notNull(),
  severity: alertSeverity("severity").notNull(),
  response: ruleResponse("response").notNull(),
  /** Rule-specific thresholds, validated by the rule's own schema. */
  params: jsonb("params").$type<Record<string, unknown>>().notNull().default({}),
  /** Which agents it watches: empty include means all; exclude wins. */
  includeAgentIds: uuid("include_agent_ids").array().notNull().default(sql`'{}'::uuid[]`),
  excludeAgentIds: uuid("exclude_agent_ids").array().notNull().default(sql`'{}'::uuid[]`),
  /** Which environments it watches: empty means all. */
  environments: text("environments").array().$type<AgentEnvironment[]>().notNull().default(sql`'{}'::text[]`),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  updatedBy: text("updated_by"),
});

export const alerts = pgTable(
  "alerts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** ALR-<number>, for people. */
    number: integer("number").generatedAlwaysAsIdentity().notNull(),
    ruleKey: text("rule_key").notNull(),
    severity: alertSeverity("severity").notNull(),
    status: alertStatus("status").notNull().default("open"),
    /** Repeated firings of one rule on one subject (an agent, or a target) share it. */
    groupKey: text("group_key").notNull(),
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    /** Who or what it is about, for people: an agent's name, a person, a target. */
    subject: text("subject").notNull(),
    title: text("title").notNull(),
    // Plain ids, no foreign keys: actions are partitioned by time and old partitions are
    // dropped whole under TOURNIQUET_RETENTION_DAYS; an alert outlives its evidence then.
    firstActionId: bigint("first_action_id", { mode: "number" }),
    lastActionId: bigint("last_action_id", { mode: "number" }),
    firstSeenAt: timestamp("first_seen_at", { withTimezone: true }).notNull(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull(),
    firings: integer("firings").notNull().default(1),
    /** The circuit breaker's setting when it fired, and how far it got. */
    response: ruleResponse("response").notNull().default("alert"),
    responseState: responseState("response_state").notNull().default("none"),
    responseError: text("response_error"),
    incidentId: uuid("incident_id").references(() => incidents.id, { onDelete: "set null" }),
    containmentId: uuid("containment_id").references(() => containments.id, { onDelete: "set null" }),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedBy: text("acknowledged_by"),
    dismissedAt: timestamp("dismissed_at", { withTimezone: true }),
    dismissedBy: text("dismissed_by"),
    dismissReason: text("dismiss_reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    // One live alert per group: once resolved or dismissed, the next firing opens a new one.
    uniqueIndex("alerts_one_live_per_group").on(table.groupKey).where(sql`${table.status} in ('open', 'acknowledged')`),
    index("alerts_status_idx").on(table.status, table.lastSeenAt),
    index("alerts_agent_idx").on(table.agentId, table.lastSeenAt),
    index("alerts_incident_idx").on(table.incidentId),
    index("alerts_pending_response_idx").on(table.responseState).where(sql`${table.responseState} = 'pending'`),
  ],
);

/** One firing: which rule matched which action, when, and why. */
export const alertFirings = pgTable(
  "alert_firings",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    alertId: uuid("alert_id")
      .notNull()
      .references(() => alerts.id, { onDelete: "cascade" }),
    actionId: bigint("action_id", { mode: "number" }),
    firedAt: timestamp("fired_at", { withTimezone: true }).notNull().defaultNow(),
    /** What the rule saw, in words: the missing scope, the rate against the baseline. */
    reason: text("reason").notNull(),
  },
  (table) => [index("alert_firings_alert_idx").on(table.alertId, table.firedAt), index("alert_firings_action_idx").on(table.actionId)],
);

/** Actions per agent per minute of occurrence: the rate rule's memory. */
export const agentActivity = pgTable(
  "agent_activity",
  {
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    minute: timestamp("minute", { withTimezone: true }).notNull(),
    actions: integer("actions").notNull(),
  },
  (table) => [primaryKey({ columns: [table.agentId, table.minute] })],
);

export type RuleSettingsRow = typeof ruleSettings.$inferSelect;
export type Alert = typeof alerts.$inferSelect;
export type AlertFiring = typeof alertFirings.$inferSelect;
