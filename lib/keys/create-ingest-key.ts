// An admin creates a key for a system that sends actions; the key is returned once.
import type { Db } from "@/db/client";
import { ingestKeys } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { type CreateIngestKeyInput, createIngestKeyInput } from "./key-fields";
import { type PublicIngestKey, toPublicIngestKey } from "./public-keys";

export async function createIngestKey(db: Db, caller: Caller, input: CreateIngestKeyInput): Promise<PublicIngestKey & { key: string }> {
  authorize(caller, "keys:manage");
  const { name, unknownAgents } = createIngestKeyInput.parse(input);
  const minted = mintSecret(secretPrefixes.ingestKey);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ingestKeys)
      .values({ name, unknownAgents, prefix: minted.displayPrefix, keyHash: minted.hash, createdBy: caller.type === "user" ? caller.id : null })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAuditEntry(tx, caller, {
      action: "ingest_key.created",
      target: { type: "ingest_key", id: row.id },
      after: { name, unknownAgents, prefix: row.prefix },
    });
    return { ...toPublicIngestKey(row), key: minted.secret };
  });
}
