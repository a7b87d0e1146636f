// An admin creates a key for a system that sends actions; the key is returned once.
import { inArray, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { agents, ingestKeys } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { type CreateIngestKeyInput, createIngestKeyInput } from "./key-fields";
import { type PublicIngestKey, toPublicIngestKey } from "./public-keys";

/** The ids of the agents named (by id or name, any case); every one must exist. */
async function findNamedAgents(tx: Tx, named: string[]): Promise<string[]> {
  const uuids = named.filter(isUuid);
  const rows = await tx
    .select({ id: agents.id, name: agents.name })
    .from(agents)
    .where(or(uuids.length ? inArray(agents.id, uuids) : undefined, inArray(sql`lower(${agents.name})`, named.map((item) => item.toLowerCase()))));
  const missing = named.filter((item) => !rows.some((row) => row.id === item || row.name.toLowerCase() === item.toLowerCase()));
  if (missing.length) throw new AppError(400, "unknown_agent", `No agent is called ${missing.map((item) => `"${item}"`).join(", ")}.`);
  return [...new Set(rows.map((row) => row.id))].sort();
}

export async function createIngestKey(db: Db, caller: Caller, input: CreateIngestKeyInput): Promise<PublicIngestKey & { key: string }> {
  authorize(caller, "keys:manage");
  const { name, unknownAgents, agents: named } = createIngestKeyInput.parse(input);
  if (named && unknownAgents === "register") {
    throw new AppError(400, "invalid_request", "A key bound to named agents cannot register unknown ones.");
  }
  const minted = mintSecret(secretPrefixes.ingestKey);
  return db.transaction(async (tx) => {
    const agentIds = named ? await findNamedAgents(tx, named) : null;
    const [row] = await tx
      .insert(ingestKeys)
      .values({ name, unknownAgents, agentIds, prefix: minted.displayPrefix, keyHash: minted.hash, createdBy: caller.type === "user" ? caller.id : null })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAuditEntry(tx, caller, {
      action: "ingest_key.created",
      target: { type: "ingest_key", id: row.id },
      after: { name, unknownAgents, prefix: row.prefix, agentIds },
    });
    return { ...toPublicIngestKey(row), key: minted.secret };
  });
}
