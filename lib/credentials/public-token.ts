// The JSON shape of an agent token in lists: never the token or its hash.
import type { AgentToken } from "@/db/schema";

export type TokenStatus = "active" | "expired" | "revoked";

export interface PublicToken {
  id: string;
  agentId: string;
  prefix: string;
  scopes: string[];
  status: TokenStatus;
  issuedAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  revokeReason: string | null;
}

export function tokenStatus(token: Pick<AgentToken, "revokedAt" | "expiresAt">, now = new Date()): TokenStatus {
  if (token.revokedAt) return "revoked";
  return token.expiresAt <= now ? "expired" : "active";
}

export function toPublicToken(token: AgentToken): PublicToken {
  return {
    id: token.id,
    agentId: token.agentId,
    prefix: token.prefix,
    scopes: token.scopes,
    status: tokenStatus(token),
    issuedAt: token.issuedAt.toISOString(),
    expiresAt: token.expiresAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    revokedAt: token.revokedAt?.toISOString() ?? null,
    revokedBy: token.revokedBy,
    revokeReason: token.revokeReason,
  };
}
