// The outbox's revocation attempt: acts in the system holding the credential through
// its connector, then records the result on the credential and in the audit log. A
// failure is only recorded (and retried by the outbox); it never touches the
// containment, which stands whatever other systems answer.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Connector, type Delivery, externalCredentials } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { systemCaller } from "@/lib/auth/caller";
import type { AttemptResult } from "@/lib/connectors/send-delivery";
import { openSecret } from "@/lib/connectors/secret-box";
import { type RevocationOutcome, failed } from "./outcome";
import { revokeOAuthToken } from "./revoke-oauth-token";
import { revokePostgresRole } from "./revoke-postgres-role";
import { revokeRedisUser } from "./revoke-redis-user";

async function revokeThere(connector: Connector, identifier: string, sealedSecret: string | null): Promise<RevocationOutcome> {
  const connection = openSecret(connector.secretCiphertext);
  switch (connector.kind) {
    case "postgres":
      return revokePostgresRole(connection, identifier);
    case "redis":
      return revokeRedisUser(connection, identifier);
    case "oauth":
      if (!sealedSecret) return failed("the token itself was not registered, so it cannot be revoked at its server", true, "no_token");
      return revokeOAuthToken(connection, openSecret(sealedSecret));
    default:
      return failed(`a ${connector.kind} connector does not revoke credentials`, true);
  }
}

export async function revokeHeldCredential(db: Db, delivery: Delivery, connector: Connector): Promise<AttemptResult> {
  const [credential] = delivery.credentialId
    ? await db.select().from(externalCredentials).where(eq(externalCredentials.id, delivery.credentialId))
    : [];
  if (!credential) return { ok: false, statusCode: null, error: "the credential is no longer registered", permanent: true };
  if (credential.revokedAt) return { ok: true, statusCode: null, error: null };

  const outcome = await revokeThere(connector, credential.identifier, credential.secretCiphertext);
  const caller = systemCaller(`connector:${connector.name}`);
  await db.transaction(async (tx) => {
    if (outcome.ok) {
      await tx
        .update(externalCredentials)
        .set({ revokedAt: new Date(), revokeReason: `revoked in ${connector.kind} by connector ${connector.name} at containment` })
        .where(and(eq(externalCredentials.id, credential.id), isNull(externalCredentials.revokedAt)));
    }
    await recordAuditEntry(tx, caller, {
      action: outcome.ok ? "external_credential.revoked" : "external_credential.revoke_failed",
      target: { type: "agent", id: credential.agentId },
      after: {
        credentialId: credential.id,
        system: credential.system,
        identifier: credential.identifier,
        connectorId: connector.id,
        containmentId: delivery.containmentId,
        attempt: delivery.attempts,
        ...(outcome.ok ? {} : { reason: outcome.error, willRetry: !outcome.permanent }),
      },
    });
  });
  return {
    ok: outcome.ok,
    statusCode: null,
    error: outcome.error,
    permanent: outcome.permanent,
    errorCode: outcome.errorCode ?? null,
    errorDescription: outcome.ok ? null : outcome.error,
  };
}
