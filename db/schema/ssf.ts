// Shared Signals receivers: systems an admin lets manage their own SSF streams through
// the configuration endpoint. Their bearer secret is stored as SHA-256 only.
import { pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

export const ssfReceivers = pgTable(
  "ssf_receivers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("ssf_receivers_hash_key").on(table.secretHash)],
);

export type SsfReceiver = typeof ssfReceivers.$inferSelect;
