// The identity provider behind a SCIM request, from its bearer token. Every change it
// makes is audited with this caller, which names the token.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scimTokens } from "@/db/schema";
import { type SystemCaller, systemCaller } from "@/lib/auth/caller";
import { hashSecret, secretPrefixes } from "@/lib/credentials/secret";
import { ScimError } from "./scim-error";

export async function authenticateScimToken(db: Db, authorization: string | null): Promise<SystemCaller & { scimTokenId: string }> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? "")?.[1];
  if (!token?.startsWith(secretPrefixes.scimToken)) throw new ScimError(401, "A valid SCIM bearer token is required.");
  const [row] = await db
    .select({ id: scimTokens.id, name: scimTokens.name })
    .from(scimTokens)
    .where(and(eq(scimTokens.tokenHash, hashSecret(token)), isNull(scimTokens.revokedAt)))
    .limit(1);
  if (!row) throw new ScimError(401, "A valid SCIM bearer token is required.");
  await db.update(scimTokens).set({ lastUsedAt: new Date() }).where(eq(scimTokens.id, row.id));
  return { ...systemCaller(`scim-token:${row.name} (${row.id})`), scimTokenId: row.id };
}
