// An admin gives a restored agent its PostgreSQL role back: LOGIN again, but only with
// a new password, shown once here. The old password, which may have leaked with the
// agent, never works again. Redis users and OAuth tokens are re-issued in their own
// systems instead: a revoked token cannot come back.
import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents, connectors, externalCredentials } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { openSecret } from "@/lib/connectors/secret-box";
import { conflict, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { describeFailure } from "./outcome";
import { ROLE_NAME, connectPostgres } from "./revoke-postgres-role";
import type { RevokeTokenInput } from "@/lib/credentials/revoke-agent-token";

export async function reenablePostgresRole(
  db: Db,
  caller: Caller,
  agentId: string,
  credentialId: string,
  input: RevokeTokenInput,
): Promise<{ credentialId: string; role: string; password: string }> {
  authorize(caller, "agents:restore");
  if (!isUuid(agentId) || !isUuid(credentialId)) throw notFound("The credential");
  const [found] = await db
    .select({ credential: externalCredentials, connector: connectors, agentStatus: agents.status })
    .from(externalCredentials)
    .innerJoin(agents, eq(agents.id, externalCredentials.agentId))
    .innerJoin(connectors, eq(connectors.id, externalCredentials.connectorId))
    .where(and(eq(externalCredentials.id, credentialId), eq(externalCredentials.agentId, agentId)));
  if (!found) throw notFound("The credential");
  const { credential, connector } = found;
  if (connector.kind !== "postgres") throw conflict("Only a postgres connector's role is re-enabled here; re-issue other credentials in their own system.");
  if (found.agentStatus !== "active") throw conflict("Restore the agent first: a contained agent's role stays disabled.");
  if (!credential.revokedAt) throw conflict("This role was not disabled.");
  if (!ROLE_NAME.test(credential.identifier)) throw conflict("This role name is not one the connector acts on.");

  // base64url only: safe inside the quoted literal ALTER ROLE needs (it takes no bind parameters).
  const password = randomBytes(24).toString("base64url");
  const sql = connectPostgres(openSecret(connector.secretCiphertext));
  try {
    await sql.unsafe(`alter role "${credential.identifier.replaceAll('"', '""')}" login password '${password}'`);
  } catch (error) {
    throw conflict(`PostgreSQL refused: ${describeFailure(error)}`);
  } finally {
    await sql.end({ timeout: 2 });
  }
  await db.transaction(async (tx) => {
    await tx.update(externalCredentials).set({ revokedAt: null, revokeReason: null }).where(eq(externalCredentials.id, credentialId));
    await recordAuditEntry(tx, caller, {
      action: "external_credential.reenabled",
      target: { type: "agent", id: agentId },
      before: { revokedAt: credential.revokedAt?.toISOString() ?? null },
      after: { credentialId, system: credential.system, identifier: credential.identifier, reason: input.reason, newPassword: true },
    });
  });
  return { credentialId, role: credential.identifier, password };
}
