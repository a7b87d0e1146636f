// A responder records that a credential was revoked in its own system (for example
// after rotating a GitHub token by hand). Idempotent: the first reason stays.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { externalCredentials } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type PublicExternalCredential, toPublicExternalCredential } from "./public-external-credential";
import type { RevokeTokenInput } from "./revoke-agent-token";

export async function markExternalCredentialRevoked(
  db: Db,
  caller: Caller,
  agentId: string,
  credentialId: string,
  input: RevokeTokenInput,
): Promise<PublicExternalCredential> {
  authorize(caller, "agents:act");
  if (!isUuid(agentId) || !isUuid(credentialId)) throw notFound("The credential");
  const where = and(eq(externalCredentials.id, credentialId), eq(externalCredentials.agentId, agentId));
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(externalCredentials)
      .set({ revokedAt: new Date(), revokeReason: input.reason })
      .where(and(where, isNull(externalCredentials.revokedAt)))
      .returning();
    if (revoked) {
      await recordAuditEntry(tx, caller, {
        action: "external_credential.revoked",
        target: { type: "agent", id: agentId },
        after: { credentialId, system: revoked.system, identifier: revoked.identifier, reason: input.reason },
      });
      return toPublicExternalCredential(revoked);
    }
    const [existing] = await tx.select().from(externalCredentials).where(where);
    if (!existing) throw notFound("The credential");
    return toPublicExternalCredential(existing);
  });
}
