// An admin creates the bearer token an identity provider provisions people with; the
// token is returned once and stored only as its hash.
import { z } from "zod";
import type { Db } from "@/db/client";
import { scimTokens } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { type PublicScimToken, toPublicScimToken } from "./public-scim-token";

export const createScimTokenInput = z.strictObject({
  name: z.string().trim().min(1, { message: "Enter a name, such as the identity provider's." }).max(80),
});

export async function createScimToken(db: Db, caller: Caller, input: z.infer<typeof createScimTokenInput>): Promise<PublicScimToken & { token: string }> {
  authorize(caller, "keys:manage");
  const { name } = createScimTokenInput.parse(input);
  const minted = mintSecret(secretPrefixes.scimToken);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(scimTokens)
      .values({ name, prefix: minted.displayPrefix, tokenHash: minted.hash, createdBy: caller.type === "user" ? caller.id : null })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAuditEntry(tx, caller, { action: "scim_token.created", target: { type: "scim_token", id: row.id }, after: { name, prefix: row.prefix } });
    return { ...toPublicScimToken(row), token: minted.secret };
  });
}
