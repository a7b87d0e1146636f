// Appends one entry to the audit log. Call it with the transaction that makes the
// change, so the change and its record commit or roll back together.
//
// Entries form a hash chain: each carries the previous entry's hash. A transaction-
// scoped lock makes appends strictly sequential, so the chain's order is the commit
// order even when many changes happen at once; the chain's head is also kept in
// settings, so removing the newest entries is detected too.
//
// Take it after the transaction's row locks (write the audit entry last, or take no
// new row locks after it): the chain's lock is global, and waiting for a row while
// holding it can deadlock with a transaction that holds that row.
import { desc, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { auditEntries, settings } from "@/db/schema";
import { type Caller, callerId, callerLabel } from "@/lib/auth/caller";
import { GENESIS_HASH, entryHash } from "./entry-hash";

export interface AuditRecord {
  action: string;
  target?: { type: string; id: string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

const AUDIT_CHAIN_LOCK = 724_118_053;
export const AUDIT_HEAD_SETTING = "audit.chain_head";

export async function recordAuditEntry(tx: Tx, caller: Caller, record: AuditRecord): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const [last] = await tx.select({ hash: auditEntries.hash }).from(auditEntries).orderBy(desc(auditEntries.id)).limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // JSON round trip: what jsonb will hand back (no undefined, dates as strings).
  const roundTrip = (value: Record<string, unknown> | null | undefined) => (value ? (JSON.parse(JSON.stringify(value)) as Record<string, unknown>) : null);
  const content = {
    occurredAt: new Date(),
    actorType: caller.type,
    actorId: callerId(caller),
    actorLabel: callerLabel(caller),
    action: record.action,
    targetType: record.target?.type ?? null,
    targetId: record.target?.id ?? null,
    ip: caller.ip ?? null,
    userAgent: caller.userAgent?.slice(0, 512) ?? null,
    before: roundTrip(record.before),
    after: roundTrip(record.after),
  };
  const hash = entryHash(prevHash, content);
  const [entry] = await tx
    .insert(auditEntries)
    .values({ ...content, prevHash, hash })
    .returning({ id: auditEntries.id });
  await tx
    .insert(settings)
    .values({ key: AUDIT_HEAD_SETTING, value: { id: entry?.id, hash } })
    .onConflictDoUpdate({ target: settings.key, set: { value: { id: entry?.id, hash }, updatedAt: new Date() } });
}
