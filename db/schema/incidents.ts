// Incidents, the agents involved, and the responders' side of the incident timeline
// (declarations, status changes, containments, notes), plus pinned evidence.
import { bigint, boolean, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { incidentEventKinds, incidentStatuses, severities } from "@/lib/incidents/vocabulary";

/** An action the review asks for, with who owns it and by when. */
export interface FollowUp {
  title: string;
  owner: string;
  /** YYYY-MM-DD */
  dueDate: string;
  done: boolean;
}

import { agents } from "./agents";
import { users } from "./users";

export const severity = pgEnum("severity", severities);
export const incidentStatus = pgEnum("incident_status", incidentStatuses);

export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** INC-<number>, for people. */
    number: integer("number").generatedAlwaysAsIdentity().notNull(),
    title: text("title").notNull(),
    severity: severity("severity").notNull(),
    status: incidentStatus("status").notNull().default("investigating"),
    summary: text("summary").notNull().default(""),
    commander: text("commander").notNull(),
    /** When the impact began (may be before anyone noticed). */
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    detectedAt: timestamp("detected_at", { withTimezone: true }).notNull(),
    declaredAt: timestamp("declared_at", { withTimezone: true }).notNull().defaultNow(),
    containedAt: timestamp("contained_at", { withTimezone: true }),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    // The post-incident review, written by responders on the incident page; `summary` is its executive summary.
    rootCause: text("root_cause").notNull().default(""),
    contributingFactors: text("contributing_factors").notNull().default(""),
    lessons: text("lessons").notNull().default(""),
    resolutionSummary: text("resolution_summary").notNull().default(""),
    followUps: jsonb("follow_ups").$type<FollowUp[]>().notNull().default([]),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("incidents_status_idx").on(table.status, table.declaredAt)],
);

export const incidentAgents = pgTable(
  "incident_agents",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    addedAt: timestamp("added_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.agentId] }), index("incident_agents_agent_idx").on(table.agentId)],
);

export const incidentEvents = pgTable(
  "incident_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    kind: text("kind").$type<(typeof incidentEventKinds)[number]>().notNull(),
    actor: text("actor").notNull(),
    body: text("body").notNull().default(""),
    data: jsonb("data").$type<Record<string, unknown>>(),
    pinned: boolean("pinned").notNull().default(false),
  },
  (table) => [index("incident_events_incident_idx").on(table.incidentId, table.occurredAt)],
);

/** Actions pinned as key evidence of an incident. */
export const incidentPins = pgTable(
  "incident_pins",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id, { onDelete: "cascade" }),
    // No foreign key: actions are partitioned by time (db/migrations: partition-actions),
    // and a key into a partitioned table would have to name its partition key too.
    // Retention never drops a partition that holds pinned evidence (lib/actions/maintain-partitions.ts).
    actionId: bigint("action_id", { mode: "number" }).notNull(),
    pinnedBy: text("pinned_by").notNull(),
    pinnedAt: timestamp("pinned_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.incidentId, table.actionId] })],
);

export type Incident = typeof incidents.$inferSelect;
export type IncidentEvent = typeof incidentEvents.$inferSelect;
