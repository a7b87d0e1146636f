// An admin creates an API key for automation; the key is returned once.
import type { Db } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { type CreateApiKeyInput, createApiKeyInput } from "./key-fields";
import { type PublicApiKey, toPublicApiKey } from "./public-keys";

export async function createApiKey(db: Db, caller: Caller, input: CreateApiKeyInput): Promise<PublicApiKey & { key: string }> {
  authorize(caller, "keys:manage");
  const { name, role } = createApiKeyInput.parse(input);
  const minted = mintSecret(secretPrefixes.apiKey);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ name, role, prefix: minted.displayPrefix, keyHash: minted.hash, createdBy: caller.type === "user" ? caller.id : null })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAuditEntry(tx, caller, {
      action: "api_key.created",
      target: { type: "api_key", id: row.id },
      after: { name, role, prefix: row.prefix },
    });
    return { ...toPublicApiKey(row), key: minted.secret };
  });
}
