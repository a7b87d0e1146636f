// The audit log: one row per state change made by a person, a key or a rule,
// written in the same transaction as the change it describes.
import { bigint, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const auditActorTypes = ["user", "api_key", "resource_server", "ingest_key", "agent", "rule", "system", "ssf_receiver"] as const;
export type AuditActorType = (typeof auditActorTypes)[number];

export const auditEntries = pgTable(
  "audit_entries",
  {
    // Strictly increasing: the order in which changes committed is the order of ids.
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type").$type<AuditActorType>().notNull(),
    actorId: text("actor_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    before: jsonb("before").$type<Record<string, unknown>>(),
    after: jsonb("after").$type<Record<string, unknown>>(),
    /** The previous entry's hash: the chain that makes changes, deletions and reordering visible. */
    prevHash: text("prev_hash"),
    /** SHA-256 of prevHash and this entry's canonical content (lib/audit/entry-hash.ts). */
    hash: text("hash"),
  },
  (table) => [
    index("audit_entries_occurred_at_idx").on(table.occurredAt),
    index("audit_entries_target_idx").on(table.targetType, table.targetId),
  ],
);

export type AuditEntry = typeof auditEntries.$inferSelect;
