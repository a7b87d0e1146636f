// What agents did (and what people did with what agents exposed): one row per
// action, append-only. Indexes lead with the filter and end with the timeline's
// order, so the first page of any single-filter view is an index range, not a scan.
// They are ascending on purpose: scanned backwards they give exactly
// `ORDER BY occurred_at DESC, id DESC` (nulls first), which a `DESC NULLS LAST`
// index would not.
import { sql } from "drizzle-orm";
import { bigint, boolean, index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { actionKinds, actorTypes, outcomes, sensitivities } from "@/lib/actions/vocabulary";
import { agents } from "./agents";
import { ingestKeys } from "./keys";

export const actionKind = pgEnum("action_kind", actionKinds);
export const sensitivity = pgEnum("sensitivity", sensitivities);
export const actionOutcome = pgEnum("action_outcome", outcomes);
export const actorType = pgEnum("actor_type", actorTypes);

export const actions = pgTable(
  "actions",
  {
    // From a sequence, not an identity column: PostgreSQL 15 has no identity columns on
    // partitioned tables. The table is partitioned by month of occurred_at (hand-written
    // migration "partition-actions"; lib/actions/maintain-partitions.ts keeps partitions ahead).
    id: bigint("id", { mode: "number" }).notNull().default(sql`nextval('actions_id_seq')`),
    /** The key that sent it; with externalId it makes retries harmless. */
    ingestKeyId: uuid("ingest_key_id")
      .notNull()
      .references(() => ingestKeys.id, { onDelete: "restrict" }),
    /** The sender's id for the action (its idempotency key). */
    externalId: text("external_id").notNull(),
    actorType: actorType("actor_type").notNull().default("agent"),
    /** The agent, for what an agent did; null for a person's access event. */
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    /** For a person: the principal as the source system names it (an email, a login). */
    humanId: text("human_id"),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    kind: actionKind("kind").notNull(),
    tool: text("tool"),
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetUri: text("target_uri"),
    sensitivity: sensitivity("sensitivity"),
    onBehalfOf: text("on_behalf_of"),
    /** The credential used, as the sender knows it (a token prefix, a key name). */
    credential: text("credential"),
    outcome: actionOutcome("outcome").notNull().default("allowed"),
    summary: text("summary"),
    attributes: jsonb("attributes").$type<Record<string, unknown>>(),
    traceId: text("trace_id"),
    spanId: text("span_id"),
    /** The span's parent (OTLP), so a trace's children can inherit its agent. */
    parentSpanId: text("parent_span_id"),
    /** The approval the sender says this action carried out (lib/approvals). */
    approvalId: uuid("approval_id"),
    /** The agent was contained when this happened: it is still trying. */
    afterContainment: boolean("after_containment").notNull().default(false),
    /**
     * It reached us while its agent was contained, whatever time it claims: a sender
     * cannot slip a late action in by dating it before the containment.
     */
    receivedAfterContainment: boolean("received_after_containment").notNull().default(false),
  },
  (table) => [
    // Keys of a partitioned table include its partition key: a retry is the same item
    // with the same time, so (key, sender's id, time) still makes retries harmless.
    primaryKey({ columns: [table.id, table.occurredAt] }),
    uniqueIndex("actions_idempotency_key").on(table.ingestKeyId, table.externalId, table.occurredAt),
    index("actions_timeline_idx").on(table.occurredAt, table.id),
    index("actions_agent_idx").on(table.agentId, table.occurredAt, table.id),
    index("actions_kind_idx").on(table.kind, table.occurredAt, table.id),
    index("actions_sensitivity_idx").on(table.sensitivity, table.occurredAt, table.id),
    index("actions_outcome_idx").on(table.outcome, table.occurredAt, table.id),
    index("actions_on_behalf_of_idx").on(table.onBehalfOf, table.occurredAt, table.id),
    index("actions_human_idx").on(table.humanId, table.occurredAt),
    index("actions_target_idx").on(table.targetType, table.targetId),
    index("actions_trace_idx").on(table.traceId, table.spanId).where(sql`${table.traceId} is not null`),
    index("actions_approval_idx").on(table.approvalId).where(sql`${table.approvalId} is not null`),
  ],
);

export type Action = typeof actions.$inferSelect;
