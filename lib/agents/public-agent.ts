// The JSON shape of an agent in the API and the pages.
import type { Agent } from "@/db/schema";

export interface PublicAgent {
  id: string;
  name: string;
  description: string;
  owner: string;
  team: string;
  environment: Agent["environment"];
  platform: string;
  scopes: string[];
  externalIds: string[];
  actsAs: Agent["actsAs"];
  status: Agent["status"];
  risk: Agent["risk"];
  riskReasons: string[];
  liveTokens: number;
  accessTokenLifetimeSeconds: number | null;
  createdAt: string;
  updatedAt: string;
  lastSeenAt: string | null;
}

export function toPublicAgent(agent: Agent, liveTokens = 0): PublicAgent {
  return {
    id: agent.id,
    name: agent.name,
    description: agent.description,
    owner: agent.owner,
    team: agent.team,
    environment: agent.environment,
    platform: agent.platform,
    scopes: agent.scopes,
    externalIds: agent.externalIds,
    actsAs: agent.actsAs,
    status: agent.status,
    risk: agent.risk,
    riskReasons: agent.riskReasons,
    liveTokens,
    accessTokenLifetimeSeconds: agent.accessTokenLifetimeSeconds,
    createdAt: agent.createdAt.toISOString(),
    updatedAt: agent.updatedAt.toISOString(),
    lastSeenAt: agent.lastSeenAt?.toISOString() ?? null,
  };
}
