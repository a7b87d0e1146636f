// An admin registers a system that checks agent tokens; its secret is returned once.
import { randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { resourceServers } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { type CreateResourceServerInput, createResourceServerInput } from "./key-fields";
import { type PublicResourceServer, toPublicResourceServer } from "./public-keys";

export async function createResourceServer(
  db: Db,
  caller: Caller,
  input: CreateResourceServerInput,
): Promise<PublicResourceServer & { clientSecret: string }> {
  authorize(caller, "keys:manage");
  const { name } = createResourceServerInput.parse(input);
  const clientId = `${secretPrefixes.resourceServerClientId}${randomBytes(12).toString("base64url")}`;
  const minted = mintSecret(secretPrefixes.resourceServerSecret);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(resourceServers)
      .values({ name, clientId, secretHash: minted.hash, createdBy: caller.type === "user" ? caller.id : null })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAuditEntry(tx, caller, {
      action: "resource_server.created",
      target: { type: "resource_server", id: row.id },
      after: { name, clientId },
    });
    return { ...toPublicResourceServer(row), clientSecret: minted.secret };
  });
}
