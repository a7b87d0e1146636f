// The agent inventory: every AI agent, the human accountable for it, and what it may do.
import { sql } from "drizzle-orm";
import { index, integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { agentActsAs, agentEnvironments, agentStatuses, riskLevels } from "@/lib/agents/vocabulary";
import { users } from "./users";

export const agentStatus = pgEnum("agent_status", agentStatuses);
export const agentEnvironment = pgEnum("agent_environment", agentEnvironments);
export const agentActsAsEnum = pgEnum("agent_acts_as", agentActsAs);
export const riskLevel = pgEnum("risk_level", riskLevels);

export const agents = pgTable(
  "agents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** The accountable human (an email or a name); required. */
    owner: text("owner").notNull(),
    team: text("team").notNull().default(""),
    environment: agentEnvironment("environment").notNull().default("prod"),
    platform: text("platform").notNull().default(""),
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    /** Ids other systems know the agent by (OTLP gen_ai.agent.id values), matched like its id. */
    externalIds: text("external_ids").array().notNull().default(sql`'{}'::text[]`),
    actsAs: agentActsAsEnum("acts_as").notNull().default("self"),
    status: agentStatus("status").notNull().default("active"),
    // Derived from scopes on every write (lib/agents/assess-risk.ts), stored so that
    // the inventory filters and sorts by it in SQL.
    risk: riskLevel("risk").notNull().default("low"),
    riskReasons: text("risk_reasons").array().notNull().default(sql`'{}'::text[]`),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }),
    /** Lifetime of access tokens from the token endpoint; null: the default (15 minutes). */
    accessTokenLifetimeSeconds: integer("access_token_lifetime_seconds"),
  },
  (table) => [
    uniqueIndex("agents_name_key").on(sql`lower(${table.name})`),
    index("agents_status_idx").on(table.status),
    index("agents_owner_idx").on(sql`lower(${table.owner})`),
    index("agents_team_idx").on(table.team),
    index("agents_risk_idx").on(table.risk),
  ],
);

export type Agent = typeof agents.$inferSelect;
