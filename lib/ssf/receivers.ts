// SSF receivers an admin lets in: each gets a bearer credential (shown once, stored
// as SHA-256) with which it creates and manages its own streams, and nothing else.
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db, Queryable } from "@/db/client";
import { type SsfReceiver, connectors, ssfReceivers } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";

export const createReceiverInput = z.strictObject({ name: z.string().trim().min(1, { message: "Give it a name." }).max(80) });

export interface PublicReceiver {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

const toPublic = (row: SsfReceiver): PublicReceiver => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt.toISOString(),
  lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  revokedAt: row.revokedAt?.toISOString() ?? null,
});

export async function createReceiver(db: Db, caller: Caller, input: z.infer<typeof createReceiverInput>): Promise<PublicReceiver & { token: string }> {
  authorize(caller, "keys:manage");
  const minted = mintSecret(secretPrefixes.ssfReceiver);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(ssfReceivers)
      .values({ name: input.name, prefix: minted.displayPrefix, secretHash: minted.hash, createdBy: caller.type === "user" ? caller.id : null })
      .returning();
    if (!row) throw new Error("insert returned no row");
    await recordAuditEntry(tx, caller, { action: "ssf_receiver.created", target: { type: "ssf_receiver", id: row.id }, after: { name: row.name, prefix: row.prefix } });
    return { ...toPublic(row), token: minted.secret };
  });
}

export async function listReceivers(db: Queryable, caller: Caller): Promise<PublicReceiver[]> {
  authorize(caller, "keys:manage");
  return (await db.select().from(ssfReceivers).orderBy(asc(ssfReceivers.name))).map(toPublic);
}

/** Revoking a receiver also disables its streams: nothing more is sent to it. */
export async function revokeReceiver(db: Db, caller: Caller, receiverId: string): Promise<PublicReceiver> {
  authorize(caller, "keys:manage");
  if (!isUuid(receiverId)) throw notFound("The receiver");
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(ssfReceivers).where(eq(ssfReceivers.id, receiverId)).for("update");
    if (!row) throw notFound("The receiver");
    if (row.revokedAt) return toPublic(row);
    const now = new Date();
    const [revoked] = await tx.update(ssfReceivers).set({ revokedAt: now }).where(eq(ssfReceivers.id, receiverId)).returning();
    await tx.update(connectors).set({ disabledAt: now }).where(and(eq(connectors.receiverId, receiverId), isNull(connectors.disabledAt)));
    await recordAuditEntry(tx, caller, { action: "ssf_receiver.revoked", target: { type: "ssf_receiver", id: receiverId }, after: { name: row.name } });
    return toPublic(revoked ?? row);
  });
}
