// Appends one entry to the audit log. Call it with the transaction that makes the
// change, so the change and its record commit or roll back together.
import type { Tx } from "@/db/client";
import { auditEntries } from "@/db/schema";
import { type Caller, callerId, callerLabel } from "@/lib/auth/caller";

export interface AuditRecord {
  action: string;
  target?: { type: string; id: string };
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export async function recordAuditEntry(tx: Tx, caller: Caller, record: AuditRecord): Promise<void> {
  await tx.insert(auditEntries).values({
    actorType: caller.type,
    actorId: callerId(caller),
    actorLabel: callerLabel(caller),
    action: record.action,
    targetType: record.target?.type ?? null,
    targetId: record.target?.id ?? null,
    ip: caller.ip ?? null,
    userAgent: caller.userAgent?.slice(0, 512) ?? null,
    before: record.before ?? null,
    after: record.after ?? null,
  });
}
