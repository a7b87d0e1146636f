// An admin revokes an API key, an ingest key or a resource server's credentials; idempotent.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { apiKeys, ingestKeys, resourceServers } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { publishChange } from "@/lib/live/publish-change";

const tables = { api_key: apiKeys, ingest_key: ingestKeys, resource_server: resourceServers } as const;
const labels = { api_key: "The API key", ingest_key: "The ingest key", resource_server: "The resource server" } as const;

export async function revokeKey(db: Db, caller: Caller, kind: keyof typeof tables, id: string): Promise<void> {
  authorize(caller, "keys:manage");
  const table = tables[kind];
  const what = labels[kind];
  if (!isUuid(id)) throw notFound(what);
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(table)
      .set({ revokedAt: new Date() })
      .where(and(eq(table.id, id), isNull(table.revokedAt)))
      .returning({ id: table.id, name: table.name });
    if (revoked) {
      await recordAuditEntry(tx, caller, { action: `${kind}.revoked`, target: { type: kind, id }, after: { name: revoked.name } });
      // Every replica forgets the server's remembered credentials when this commits.
      if (kind === "resource_server") await publishChange(tx, "resource_servers", id);
      return;
    }
    const [exists] = await tx.select({ id: table.id }).from(table).where(eq(table.id, id));
    if (!exists) throw notFound(what);
  });
}
