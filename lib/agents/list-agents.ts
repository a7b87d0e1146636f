// The inventory table: search, filters and sort in SQL, one page at a time, so it
// stays fast with thousands of agents.
import { type SQL, and, asc, count, desc, eq, ilike, or, sql } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { agents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { escapeLike } from "@/lib/http/escape-like";
import { optionalText } from "@/lib/http/optional-text";
import { liveTokenCount } from "./live-token-count";
import { type PublicAgent, toPublicAgent } from "./public-agent";
import { agentEnvironments, agentStatuses, riskLevels } from "./vocabulary";

export const agentSorts = ["name", "owner", "team", "environment", "risk", "status", "lastSeenAt", "createdAt", "liveTokens"] as const;

export const agentListQuery = z.object({
  q: optionalText,
  status: z.enum(agentStatuses).optional(),
  owner: optionalText,
  team: optionalText,
  environment: z.enum(agentEnvironments).optional(),
  risk: z.enum(riskLevels).optional(),
  sort: z.enum(agentSorts).default("name"),
  order: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type AgentListQuery = z.input<typeof agentListQuery>;

export interface AgentPage {
  agents: PublicAgent[];
  total: number;
  page: number;
  pageSize: number;
}

export async function listAgents(db: Queryable, caller: Caller, query: AgentListQuery = {}): Promise<AgentPage> {
  authorize(caller, "console:read");
  const { q, status, owner, team, environment, risk, sort, order, page, pageSize } = agentListQuery.parse(query);

  const conditions: (SQL | undefined)[] = [
    status ? eq(agents.status, status) : undefined,
    owner ? eq(sql`lower(${agents.owner})`, owner.toLowerCase()) : undefined,
    team ? eq(agents.team, team) : undefined,
    environment ? eq(agents.environment, environment) : undefined,
    risk ? eq(agents.risk, risk) : undefined,
  ];
  if (q) {
    const pattern = `%${escapeLike(q)}%`;
    conditions.push(
      or(ilike(agents.name, pattern), ilike(agents.owner, pattern), ilike(agents.team, pattern), ilike(agents.description, pattern)),
    );
  }
  const where = and(...conditions.filter((condition): condition is SQL => condition !== undefined));

  const sortColumn = sort === "liveTokens" ? liveTokenCount : agents[sort];
  const direction = order === "asc" ? asc : desc;
  // Nulls (never seen) sort last either way; name breaks ties so pages are stable.
  const orderBy = sort === "lastSeenAt" ? [sql`${agents.lastSeenAt} ${sql.raw(order)} nulls last`] : [direction(sortColumn)];

  const [rows, totals] = await Promise.all([
    db
      .select({ agent: agents, liveTokens: liveTokenCount })
      .from(agents)
      .where(where)
      .orderBy(...orderBy, asc(agents.name), asc(agents.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(agents).where(where),
  ]);
  return {
    agents: rows.map((row) => toPublicAgent(row.agent, row.liveTokens)),
    total: totals[0]?.total ?? 0,
    page,
    pageSize,
  };
}
