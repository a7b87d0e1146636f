import type { ExternalCredential } from "@/db/schema";

export interface PublicExternalCredential {
  id: string;
  agentId: string;
  system: string;
  identifier: string;
  scopes: string[];
  expiresAt: string | null;
  revocableByConnector: boolean;
  /** The revocation connector that revokes it at containment, if any. */
  connectorId: string | null;
  notes: string;
  createdAt: string;
  revokedAt: string | null;
  revokeReason: string | null;
}

export const toPublicExternalCredential = (credential: ExternalCredential): PublicExternalCredential => ({
  id: credential.id,
  agentId: credential.agentId,
  system: credential.system,
  identifier: credential.identifier,
  scopes: credential.scopes,
  expiresAt: credential.expiresAt?.toISOString() ?? null,
  revocableByConnector: credential.revocableByConnector,
  connectorId: credential.connectorId,
  notes: credential.notes,
  createdAt: credential.createdAt.toISOString(),
  revokedAt: credential.revokedAt?.toISOString() ?? null,
  revokeReason: credential.revokeReason,
});
