// JSON shapes of API keys and resource servers: never a secret or its hash.
import type { ApiKey, ResourceServer } from "@/db/schema";

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
