// Upstream MCP servers the gateway at /mcp/{name} stands in front of. Their
// credentials (headers the gateway injects) are sealed, never shown back.
import { sql } from "drizzle-orm";
import { integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { CaptureMode, ToolPolicy, ToolSettings } from "@/lib/mcp-gateway/vocabulary";
import { users } from "./users";

export const mcpServers = pgTable(
  "mcp_servers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    url: text("url").notNull(),
    /** AES-256-GCM (connectors' secret box) of the JSON headers object; null for none. */
    headersCiphertext: text("headers_ciphertext"),
    /** Header names only, so the console can say what is injected without showing values. */
    headerNames: text("header_names").array().notNull().default(sql`'{}'::text[]`),
    defaultPolicy: text("default_policy").$type<ToolPolicy>().notNull().default("allow"),
    tools: jsonb("tools").$type<Record<string, ToolSettings>>().notNull().default({}),
    capture: text("capture").$type<CaptureMode>().notNull().default("hash"),
    approvalTimeoutSeconds: integer("approval_timeout_seconds").notNull().default(120),
    upstreamTimeoutSeconds: integer("upstream_timeout_seconds").notNull().default(30),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
  },
  (table) => [uniqueIndex("mcp_servers_name_key").on(table.name)],
);

export type McpServer = typeof mcpServers.$inferSelect;
