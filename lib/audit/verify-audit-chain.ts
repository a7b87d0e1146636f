// Walks the audit chain from the first entry and reports the first broken link: an
// entry whose content no longer matches its hash (changed), whose previous-hash does
// not match the entry before it (deleted or reordered), or a chain that ends before
// the recorded head (newest entries removed).
import { asc, eq, gt } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { type AuditEntry, auditEntries, settings } from "@/db/schema";
import { GENESIS_HASH, entryHash } from "./entry-hash";
import { AUDIT_HEAD_SETTING } from "./record-audit-entry";

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** Entries written before the chain existed (older installations). */
  unchained: number;
  firstBroken: { id: number; reason: string } | null;
}

const BATCH = 1000;

export async function verifyAuditChain(db: Queryable): Promise<ChainReport> {
  let expectedPrev = GENESIS_HASH;
  let lastId = 0;
  let checked = 0;
  let unchained = 0;
  let chainStarted = false;
  for (;;) {
    const rows: AuditEntry[] = await db.select().from(auditEntries).where(gt(auditEntries.id, lastId)).orderBy(asc(auditEntries.id)).limit(BATCH);
    for (const row of rows) {
      lastId = row.id;
      if (!row.hash) {
        if (chainStarted) return { ok: false, checked, unchained, firstBroken: { id: row.id, reason: "entry has no hash inside the chain" } };
        unchained += 1;
        continue;
      }
      chainStarted = true;
      if (row.prevHash !== expectedPrev) {
        return { ok: false, checked, unchained, firstBroken: { id: row.id, reason: "its previous-hash does not match the entry before it: an entry was deleted, inserted or reordered" } };
      }
      const recomputed = entryHash(row.prevHash, row);
      if (recomputed !== row.hash) {
        return { ok: false, checked, unchained, firstBroken: { id: row.id, reason: "its content does not match its hash: the entry was changed" } };
      }
      expectedPrev = row.hash;
      checked += 1;
    }
    if (rows.length < BATCH) break;
  }
  const [head] = await db.select().from(settings).where(eq(settings.key, AUDIT_HEAD_SETTING));
  const recorded = head?.value as { id?: number; hash?: string } | undefined;
  if (recorded?.hash && recorded.hash !== expectedPrev) {
    return { ok: false, checked, unchained, firstBroken: { id: recorded.id ?? lastId, reason: "the chain ends before its recorded head: the newest entries were removed" } };
  }
  return { ok: true, checked, unchained, firstBroken: null };
}
