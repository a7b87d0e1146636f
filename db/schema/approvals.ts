// Approvals: an agent asks a person before a high-risk action and waits for the
// answer. Unanswered requests end as denied when they expire.
import { index, pgEnum, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { approvalStatuses } from "@/lib/approvals/vocabulary";
import { actionKind, sensitivity } from "./actions";
import { agentTokens } from "./credentials";
import { agents } from "./agents";
import { users } from "./users";

export const approvalStatus = pgEnum("approval_status", approvalStatuses);

export const approvals = pgTable(
  "approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => agents.id, { onDelete: "cascade" }),
    /** The token the agent asked with. */
    tokenId: uuid("token_id").references(() => agentTokens.id, { onDelete: "set null" }),
    kind: actionKind("kind").notNull(),
    tool: text("tool"),
    targetType: text("target_type"),
    targetId: text("target_id"),
    targetUri: text("target_uri"),
    sensitivity: sensitivity("sensitivity"),
    summary: text("summary").notNull(),
    onBehalfOf: text("on_behalf_of"),
    status: approvalStatus("status").notNull().default("pending"),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: text("decided_by"),
    decidedByUserId: uuid("decided_by_user_id").references(() => users.id, { onDelete: "set null" }),
    reason: text("reason"),
  },
  (table) => [index("approvals_status_idx").on(table.status, table.requestedAt), index("approvals_agent_idx").on(table.agentId, table.requestedAt)],
);

export type Approval = typeof approvals.$inferSelect;
