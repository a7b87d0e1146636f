// JSON shapes of API keys and resource servers: never a secret or its hash.
import type { ApiKey, IngestKey, ResourceServer } from "@/db/schema";

export interface PublicApiKey {
  id: string;
  name: string;
  role: ApiKey["role"];
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export interface PublicResourceServer {
  id: string;
  name: string;
  clientId: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const toPublicApiKey = (key: ApiKey): PublicApiKey => ({
  id: key.id,
  name: key.name,
  role: key.role,
  prefix: key.prefix,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: iso(key.lastUsedAt),
  revokedAt: iso(key.revokedAt),
});

export const toPublicResourceServer = (server: ResourceServer): PublicResourceServer => ({
  id: server.id,
  name: server.name,
  clientId: server.clientId,
  createdAt: server.createdAt.toISOString(),
  lastUsedAt: iso(server.lastUsedAt),
  revokedAt: iso(server.revokedAt),
});

export interface PublicIngestKey {
  id: string;
  name: string;
  prefix: string;
  unknownAgents: IngestKey["unknownAgents"];
  /** The agents it may speak for; null for any. */
  agentIds: string[] | null;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** What its exports did lately, so a misconfigured sender shows. */
  lastAcceptedAt: string | null;
  lastRejectedAt: string | null;
  lastRejectionReason: string | null;
  rejectedCount: number;
}

export const toPublicIngestKey = (key: IngestKey): PublicIngestKey => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  unknownAgents: key.unknownAgents,
  agentIds: key.agentIds ?? null,
  createdAt: key.createdAt.toISOString(),
  lastUsedAt: iso(key.lastUsedAt),
  lastAcceptedAt: iso(key.lastAcceptedAt),
  lastRejectedAt: iso(key.lastRejectedAt),
  lastRejectionReason: key.lastRejectionReason,
  rejectedCount: key.rejectedCount,
  revokedAt: iso(key.revokedAt),
});
