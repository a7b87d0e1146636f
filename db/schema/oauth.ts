// Tourniquet as an OAuth 2.1 authorization server for the agents in its inventory:
// each agent's clients, the delegations people grant an agent, and the refresh tokens
// of those delegations. Access tokens stay in agent_tokens, so the kill switch and
// introspection treat every token of an agent alike.
import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agents } from "./agents";
import { users } from "./users";

export const oauthClientAuthMethods = ["client_secret_basic", "client_secret_post", "private_key_jwt"] as const;
export type OauthClientAuthMethod = (typeof oauthClientAuthMethods)[number];

export const agentOauthClients = pgTable(
  "agent_oauth_clients",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    /** The public client identifier (`tq_oc_…`), what OAuth libraries send as client_id. */
    clientId: text("client_id").notNull(),
    name: text("name").notNull().default(""),
    authMethod: text("auth_method").$type<OauthClientAuthMethod>().notNull(),
    /** SHA-256 of the client secret (256 random bits) for the secret methods. */
    secretHash: text("secret_hash"),
    /** The client's public keys for private_key_jwt: inline, or where to fetch them. */
    jwks: jsonb("jwks").$type<{ keys: Record<string, unknown>[] }>(),
    jwksUri: text("jwks_uri"),
    redirectUris: text("redirect_uris").array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
  },
  (table) => [uniqueIndex("agent_oauth_clients_client_id_key").on(table.clientId), index("agent_oauth_clients_agent_idx").on(table.agentId)],
);

/** A person letting an agent act on their behalf (authorization code + PKCE). */
export const oauthDelegations = pgTable(
  "oauth_delegations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    clientRowId: uuid("client_row_id")
      .notNull()
      .references(() => agentOauthClients.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    resource: text("resource"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokeReason: text("revoke_reason"),
  },
  (table) => [index("oauth_delegations_user_idx").on(table.userId), index("oauth_delegations_agent_idx").on(table.agentId)],
);

/** A one-time authorization code, stored as a hash, bound to its PKCE challenge. */
export const oauthAuthorizationCodes = pgTable("oauth_authorization_codes", {
  codeHash: text("code_hash").primaryKey(),
  delegationId: uuid("delegation_id")
    .notNull()
    .references(() => oauthDelegations.id, { onDelete: "cascade" }),
  redirectUri: text("redirect_uri").notNull(),
  codeChallenge: text("code_challenge").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
});

/**
 * Refresh tokens rotate: each use replaces the token with a new one of the same family
 * (the delegation). A used token presented again revokes the whole family (OAuth 2.1 §4.3.1).
 */
export const oauthRefreshTokens = pgTable(
  "oauth_refresh_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    delegationId: uuid("delegation_id")
      .notNull()
      .references(() => oauthDelegations.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("oauth_refresh_tokens_hash_key").on(table.tokenHash), index("oauth_refresh_tokens_agent_idx").on(table.agentId)],
);

/** private_key_jwt assertion ids already used, kept until the assertion expires (RFC 7523 §3). */
export const oauthUsedAssertions = pgTable("oauth_used_assertions", {
  jtiHash: text("jti_hash").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});

export type AgentOauthClient = typeof agentOauthClients.$inferSelect;
export type OauthDelegation = typeof oauthDelegations.$inferSelect;
