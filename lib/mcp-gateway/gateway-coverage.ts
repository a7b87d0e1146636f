// Which agents the kill switch fully covers: an agent whose tool calls pass through the
// MCP gateway is stopped mid-call when contained; one that only reports its actions can
// still call its tools directly with credentials it holds. "Behind the gateway" means a
// recorded gateway call within the window, because registration alone proves nothing.
import { and, eq, gte, inArray, max } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { actions, agents } from "@/db/schema";
import { INTERNAL_SOURCE_ID } from "@/lib/actions/internal-source";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";

export const COVERAGE_WINDOW_DAYS = 7;

export interface AgentGatewayCoverage {
  agentId: string;
  /** The newest gateway call within the window, or null: the agent only reports. */
  lastGatewayCallAt: string | null;
}

export interface GatewayCoverage {
  windowDays: number;
  since: string;
  /** Agents counted: the active ones, or those asked for. */
  activeAgents: number;
  behindGateway: number;
  agents: AgentGatewayCoverage[];
}

/**
 * Only the gateway writes actions under Tourniquet's internal source aimed at an MCP
 * server (lib/mcp-gateway/record-gateway-call.ts); an ingest key cannot send under that
 * source, so an agent cannot claim coverage by reporting a look-alike action.
 */
const isGatewayCall = and(eq(actions.ingestKeyId, INTERNAL_SOURCE_ID), eq(actions.targetType, "mcp_server"));

/** Coverage of active agents (or of the given agents, whatever their status). */
export async function gatewayCoverage(
  db: Queryable,
  caller: Caller | null,
  options: { agentIds?: string[]; now?: Date } = {},
): Promise<GatewayCoverage> {
  authorize(caller, "console:read");
  const since = new Date((options.now ?? new Date()).getTime() - COVERAGE_WINDOW_DAYS * 24 * 3600 * 1000);
  const which = options.agentIds ? inArray(agents.id, options.agentIds) : eq(agents.status, "active");
  const rows = await db
    .select({ agentId: agents.id, last: max(actions.occurredAt) })
    .from(agents)
    .leftJoin(actions, and(eq(actions.agentId, agents.id), isGatewayCall, gte(actions.occurredAt, since)))
    .where(which)
    .groupBy(agents.id)
    .orderBy(agents.id);
  const covered = rows.map((row) => ({ agentId: row.agentId, lastGatewayCallAt: row.last ? new Date(row.last).toISOString() : null }));
  return {
    windowDays: COVERAGE_WINDOW_DAYS,
    since: since.toISOString(),
    activeAgents: covered.length,
    behindGateway: covered.filter((row) => row.lastGatewayCallAt).length,
    agents: covered,
  };
}
