import { sql } from "drizzle-orm";

/**
 * Tokens of the agent that introspect as active right now (per row, via the agent
 * index). The outer column is qualified by hand: drizzle renders `${agents.id}`
 * unqualified here, which would bind to agent_tokens.id inside the subquery.
 */
export const liveTokenCount = sql<number>`(
  select count(*) from agent_tokens t
  where t.agent_id = "agents"."id" and t.revoked_at is null and t.expires_at > now()
)`.mapWith(Number);
