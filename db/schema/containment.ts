// The kill switch's record: containments of agents, the connectors that are told
// about them, and the durable outbox of deliveries to those connectors.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { ConnectorKind, DeliveryStatus } from "@/lib/connectors/vocabulary";
import type { StoredStream } from "@/lib/ssf/stream-config";
import { agents } from "./agents";
import { externalCredentials } from "./credentials";
import { ssfReceivers } from "./ssf";
import { incidents } from "./incidents";
import { users } from "./users";

export const containments = pgTable(
  "containments",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    /** The incident it belongs to, when a responder named one. */
    incidentId: uuid("incident_id").references(() => incidents.id, { onDelete: "set null" }),
    reason: text("reason").notNull(),
    containedBy: text("contained_by").notNull(),
    containedByUserId: uuid("contained_by_user_id").references(() => users.id, { onDelete: "set null" }),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    tokensRevoked: integer("tokens_revoked").notNull().default(0),
    releasedAt: timestamp("released_at", { withTimezone: true }),
    releasedBy: text("released_by"),
    releaseReason: text("release_reason"),
  },
  (table) => [
    // At most one open containment per agent: concurrent kills end in one record.
    uniqueIndex("containments_one_open_per_agent").on(table.agentId).where(sql`${table.releasedAt} is null`),
    index("containments_agent_idx").on(table.agentId, table.startedAt),
    index("containments_incident_idx").on(table.incidentId),
  ],
);

export const connectors = pgTable("connectors", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  kind: text("kind").$type<ConnectorKind>().notNull(),
  /** Where it is reached; for revocation connectors the connection without its password. */
  url: text("url").notNull(),
  /**
   * Encrypted with a key derived from AUTH_SECRET, because it must be usable: the shared
   * secret (signing, bearer), a stream's receiver-chosen Authorization header, or a
   * revocation connector's whole admin connection (with its password).
   */
  secretCiphertext: text("secret_ciphertext").notNull(),
  secretPrefix: text("secret_prefix").notNull(),
  createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  disabledAt: timestamp("disabled_at", { withTimezone: true }),
  /** SSF stream settings of a `caep` connector (a stream); see lib/ssf/stream-config.ts. */
  stream: jsonb("stream").$type<StoredStream>(),
  /** The SSF receiver that manages this stream through the configuration endpoint. */
  receiverId: uuid("receiver_id").references(() => ssfReceivers.id, { onDelete: "set null" }),
});

export const deliveries = pgTable(
  "deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectorId: uuid("connector_id")
      .notNull()
      .references(() => connectors.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id").references(() => agents.id, { onDelete: "set null" }),
    containmentId: uuid("containment_id").references(() => containments.id, { onDelete: "set null" }),
    eventType: text("event_type").notNull(),
    /** What will be sent, fixed at the moment of the containment. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status").$type<DeliveryStatus>().notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** When to try next; while a worker holds it, the end of its lease. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    lastStatusCode: integer("last_status_code"),
    /** The receiver's own error code and description (RFC 8935 `err`, RFC 7009 `error`). */
    errorCode: text("error_code"),
    errorDescription: text("error_description"),
    /** For a revocation in the system that holds it: which registered credential. */
    credentialId: uuid("credential_id").references(() => externalCredentials.id, { onDelete: "cascade" }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("deliveries_due_idx").on(table.status, table.nextAttemptAt),
    index("deliveries_agent_idx").on(table.agentId, table.createdAt),
  ],
);

export type Containment = typeof containments.$inferSelect;
export type Connector = typeof connectors.$inferSelect;
export type Delivery = typeof deliveries.$inferSelect;
