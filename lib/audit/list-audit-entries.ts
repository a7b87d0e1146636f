// Reads the audit log, newest first, for anyone who may read the console.
import { and, desc, eq, ilike, lt, or, type SQL } from "drizzle-orm";
import { z } from "zod";
import type { Queryable } from "@/db/client";
import { type AuditEntry, auditEntries } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { escapeLike } from "@/lib/http/escape-like";

export const auditFilter = z.object({
  action: z.string().trim().max(100).optional(),
  actor: z.string().trim().max(254).optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditFilter = z.input<typeof auditFilter>;


export async function listAuditEntries(
  db: Queryable,
  caller: Caller,
  filter: AuditFilter = {},
): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  authorize(caller, "console:read");
  const { action, actor, before, limit } = auditFilter.parse(filter);
  const conditions: SQL[] = [];
  if (action) conditions.push(ilike(auditEntries.action, `${escapeLike(action)}%`));
  if (actor) {
    const pattern = `%${escapeLike(actor)}%`;
    const match = or(ilike(auditEntries.actorLabel, pattern), eq(auditEntries.actorId, actor));
    if (match) conditions.push(match);
  }
  if (before) conditions.push(lt(auditEntries.id, before));
  const entries = await db
    .select()
    .from(auditEntries)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(auditEntries.id))
    .limit(limit + 1);
  const page = entries.slice(0, limit);
  return { entries: page, nextBefore: entries.length > limit ? (page.at(-1)?.id ?? null) : null };
}
