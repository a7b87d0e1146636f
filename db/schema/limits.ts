// Counters of the rate limits (lib/http/rate-limiter.ts), in the database so that every
// replica counts against the same number. Keys are hashed: an email someone tried to
// guess is not kept in clear here.
import { bigint, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

export const rateLimitCounts = pgTable(
  "rate_limit_counts",
  {
    /** Which limit (signInByEmail, tokenChecks, ...). */
    name: text("name").notNull(),
    /** SHA-256 of the limited key (an email, an address, a client id). */
    keyHash: text("key_hash").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull(),
  },
  (table) => [primaryKey({ columns: [table.name, table.keyHash] }), index("rate_limit_counts_window_idx").on(table.windowStart)],
);

/**
 * Sign-in attempts that failed before anyone was identified (an unknown email, a
 * limited address): kept in a bounded log rather than the tamper-evident audit chain,
 * where anyone on the internet could append entries with text of their choosing.
 */
export const signInFailures = pgTable(
  "sign_in_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    email: text("email").notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
    reason: text("reason").notNull(),
  },
  (table) => [index("sign_in_failures_at_idx").on(table.at)],
);
