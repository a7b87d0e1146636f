// Records a credential an agent holds in another system, so that containment can say
// what it could not revoke and until when it stays usable.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents, externalCredentials } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { sealSecret } from "@/lib/connectors/secret-box";
import { isRevocationKind } from "@/lib/connectors/vocabulary";
import type { Tx } from "@/db/client";
import { connectors } from "@/db/schema";
import { invalidInput, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import type { RegisterExternalCredentialInput } from "./external-credential-fields";
import { type PublicExternalCredential, toPublicExternalCredential } from "./public-external-credential";

export async function registerExternalCredential(
  db: Db,
  caller: Caller,
  agentId: string,
  input: RegisterExternalCredentialInput,
): Promise<PublicExternalCredential> {
  authorize(caller, "agents:act");
  if (!isUuid(agentId)) throw notFound("The agent");
  return db.transaction(async (tx) => {
    const [agent] = await tx.select({ id: agents.id }).from(agents).where(eq(agents.id, agentId));
    if (!agent) throw notFound("The agent");
    const { secret, connectorId, ...fields } = input;
    const connector = connectorId ? await revocationConnector(tx, connectorId, secret) : null;
    const [row] = await tx
      .insert(externalCredentials)
      .values({
        ...fields,
        agentId,
        connectorId: connector?.id ?? null,
        revocableByConnector: connector ? true : fields.revocableByConnector,
        secretCiphertext: secret ? sealSecret(secret) : null,
      })
      .returning();
    if (!row) throw new Error("insert returned no row");
    const credential = toPublicExternalCredential(row);
    await recordAuditEntry(tx, caller, {
      action: "external_credential.registered",
      target: { type: "agent", id: agentId },
      after: { credentialId: row.id, system: credential.system, identifier: credential.identifier, scopes: credential.scopes, connectorId: row.connectorId, secretHeld: secret !== undefined },
    });
    return credential;
  });
}

/** The connector named must revoke credentials; an oauth one needs the token, others must not get one. */
async function revocationConnector(tx: Tx, connectorId: string, secret: string | undefined) {
  const [connector] = await tx.select().from(connectors).where(and(eq(connectors.id, connectorId), isNull(connectors.disabledAt)));
  if (!connector || !isRevocationKind(connector.kind)) {
    throw invalidInput("connectorId names no active postgres, redis or oauth connector.", { connectorId: "Pick a revocation connector." });
  }
  if (connector.kind === "oauth" && !secret) throw invalidInput("An oauth connector revokes the token itself: send it as secret.", { secret: "Required for an oauth connector." });
  if (connector.kind !== "oauth" && secret) throw invalidInput(`A ${connector.kind} connector needs no secret; do not send one.`, { secret: "Only for an oauth connector." });
  return connector;
}
