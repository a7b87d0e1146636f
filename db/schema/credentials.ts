// What an agent can authenticate with: tokens Tourniquet issues (and can kill), and
// credentials it holds in other systems (which the kill switch reports as left over).
import { sql } from "drizzle-orm";
import { type AnyPgColumn, boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agents } from "./agents";
import { connectors } from "./containment";
import { users } from "./users";

export const agentTokens = pgTable(
  "agent_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    /** The first characters of the token, enough to recognise it in a list or a log. */
    prefix: text("prefix").notNull(),
    /** SHA-256 of the token: it has 256 random bits, so a fast hash is safe and keeps checks cheap. */
    tokenHash: text("token_hash").notNull(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by"),
    revokeReason: text("revoke_reason"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** The OAuth client that obtained it at the token endpoint (null: issued by a person). */
    oauthClientId: uuid("oauth_client_id"),
    /** RFC 8707: the resource the token is bound to, answered as `aud` by introspection. */
    resource: text("resource"),
    /** A delegated token: the person it acts for (RFC 8693 `act` names the agent). */
    delegationId: uuid("delegation_id"),
  },
  (table) => [
    uniqueIndex("agent_tokens_hash_key").on(table.tokenHash),
    index("agent_tokens_agent_idx").on(table.agentId, table.issuedAt),
  ],
);

export const externalCredentials = pgTable(
  "external_credentials",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    /** Where it lives: "github", "aws", "postgres warehouse"… */
    system: text("system").notNull(),
    /** How that system names it: a token name, a role ARN, a database user. Never the secret. */
    identifier: text("identifier").notNull(),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Whether a connector can revoke it when the agent is contained. */
    revocableByConnector: boolean("revocable_by_connector").notNull().default(false),
    notes: text("notes").notNull().default(""),
    /** The revocation connector that revokes it in its own system at containment. */
    connectorId: uuid("connector_id").references((): AnyPgColumn => connectors.id, { onDelete: "set null" }),
    /** The credential itself, sealed, when revoking needs it (an OAuth token for RFC 7009). */
    secretCiphertext: text("secret_ciphertext"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
  },
  (table) => [index("external_credentials_agent_idx").on(table.agentId)],
);

export type AgentToken = typeof agentTokens.$inferSelect;
export type ExternalCredential = typeof externalCredentials.$inferSelect;
