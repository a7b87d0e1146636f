// The SCIM tokens, newest first, for the Settings panel.
import { desc } from "drizzle-orm";
import type { Db } from "@/db/client";
import { scimTokens } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { type PublicScimToken, toPublicScimToken } from "./public-scim-token";

export async function listScimTokens(db: Db, caller: Caller): Promise<PublicScimToken[]> {
  authorize(caller, "keys:manage");
  const rows = await db.select().from(scimTokens).orderBy(desc(scimTokens.createdAt)).limit(200);
  return rows.map(toPublicScimToken);
}
