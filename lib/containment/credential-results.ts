// For "what is left": each credential the agent holds elsewhere and what containment
// did about it — revoked in its system by a connector, revocation pending or failed
// (with the system's reason), or not revocable, so it stays usable until it expires.
import { and, desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { connectors, deliveries, externalCredentials } from "@/db/schema";
import { CREDENTIAL_REVOKE } from "@/lib/connectors/vocabulary";

export type CredentialResultKind = "revoked" | "pending" | "failed" | "not_revocable";

export interface CredentialResult {
  credentialId: string;
  system: string;
  identifier: string;
  connector: { id: string; name: string; kind: string } | null;
  result: CredentialResultKind;
  /** Why a revocation failed (or is being retried), in the holding system's words. */
  reason: string | null;
  errorCode: string | null;
  attempts: number;
  revokedAt: string | null;
  /** Until when it can still be used: its expiry unless revoked; null and not revoked means never expires. */
  expiresAt: string | null;
}

export async function credentialResults(db: Queryable, agentId: string): Promise<CredentialResult[]> {
  const [held, attempts] = await Promise.all([
    db
      .select({ credential: externalCredentials, connector: { id: connectors.id, name: connectors.name, kind: connectors.kind } })
      .from(externalCredentials)
      .leftJoin(connectors, eq(connectors.id, externalCredentials.connectorId))
      .where(eq(externalCredentials.agentId, agentId)),
    db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.agentId, agentId), eq(deliveries.eventType, CREDENTIAL_REVOKE)))
      .orderBy(desc(deliveries.createdAt))
      .limit(100),
  ]);
  return held.map(({ credential, connector }) => {
    const latest = attempts.find((delivery) => delivery.credentialId === credential.id);
    const result: CredentialResultKind = credential.revokedAt
      ? "revoked"
      : !connector
        ? "not_revocable"
        : latest?.status === "failed"
          ? "failed"
          : "pending";
    return {
      credentialId: credential.id,
      system: credential.system,
      identifier: credential.identifier,
      connector,
      result,
      reason: result === "revoked" ? null : (latest?.lastError ?? null),
      errorCode: result === "revoked" ? null : (latest?.errorCode ?? null),
      attempts: latest?.attempts ?? 0,
      revokedAt: credential.revokedAt?.toISOString() ?? null,
      expiresAt: credential.expiresAt?.toISOString() ?? null,
    };
  });
}
