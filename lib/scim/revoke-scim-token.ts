// An admin revokes a SCIM token: the identity provider's next request gets 401. Idempotent.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scimTokens } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";

export async function revokeScimToken(db: Db, caller: Caller, id: string, reason?: string): Promise<void> {
  authorize(caller, "keys:manage");
  if (!isUuid(id)) throw notFound("The SCIM token");
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(scimTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(scimTokens.id, id), isNull(scimTokens.revokedAt)))
      .returning({ name: scimTokens.name });
    if (revoked) {
      await recordAuditEntry(tx, caller, { action: "scim_token.revoked", target: { type: "scim_token", id }, after: { name: revoked.name, ...(reason && { reason }) } });
      return;
    }
    const [exists] = await tx.select({ id: scimTokens.id }).from(scimTokens).where(eq(scimTokens.id, id));
    if (!exists) throw notFound("The SCIM token");
  });
}
