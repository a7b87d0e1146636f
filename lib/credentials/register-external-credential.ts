// Records a credential an agent holds in another system, so that containment can say
// what it could not revoke and until when it stays usable.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents, externalCredentials } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
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
    const [row] = await tx
      .insert(externalCredentials)
      .values({ ...input, agentId })
      .returning();
    if (!row) throw new Error("insert returned no row");
    const credential = toPublicExternalCredential(row);
    await recordAuditEntry(tx, caller, {
      action: "external_credential.registered",
      target: { type: "agent", id: agentId },
      after: { credentialId: row.id, system: credential.system, identifier: credential.identifier, scopes: credential.scopes },
    });
    return credential;
  });
}
