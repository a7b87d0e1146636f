// Machine callers of Tourniquet itself: API keys for automation (SOAR, scripts) and
// resource servers that introspect and revoke agent tokens. Secrets are stored as
// SHA-256 of 256-bit random values.
import { bigint, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { UnknownAgentPolicy } from "@/lib/actions/vocabulary";
import { userRole, users } from "./users";

export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    /** An API key acts with the permissions of this role. */
    role: userRole("role").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("api_keys_hash_key").on(table.keyHash)],
);

export const resourceServers = pgTable(
  "resource_servers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    clientId: text("client_id").notNull(),
    secretHash: text("secret_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("resource_servers_client_id_key").on(table.clientId), index("resource_servers_created_idx").on(table.createdAt)],
);

export type ApiKey = typeof apiKeys.$inferSelect;
export type ResourceServer = typeof resourceServers.$inferSelect;

/** Keys that systems use to send actions (the ingest API and OTLP). */
export const ingestKeys = pgTable(
  "ingest_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    unknownAgents: text("unknown_agents").$type<UnknownAgentPolicy>().notNull().default("reject"),
    /** The agents this key may speak for; null for any (a collector that serves many). */
    agentIds: uuid("agent_ids").array(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    // What the key's last exports did, so a silent misconfiguration shows in Settings.
    lastAcceptedAt: timestamp("last_accepted_at", { withTimezone: true }),
    lastRejectedAt: timestamp("last_rejected_at", { withTimezone: true }),
    lastRejectionReason: text("last_rejection_reason"),
    rejectedCount: bigint("rejected_count", { mode: "number" }).notNull().default(0),
  },
  (table) => [uniqueIndex("ingest_keys_hash_key").on(table.keyHash)],
);

export type IngestKey = typeof ingestKeys.$inferSelect;
