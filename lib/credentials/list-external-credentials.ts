import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { externalCredentials } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { isUuid } from "@/lib/http/is-uuid";
import { type PublicExternalCredential, toPublicExternalCredential } from "./public-external-credential";

export async function listExternalCredentials(db: Queryable, caller: Caller, agentId: string): Promise<PublicExternalCredential[]> {
  authorize(caller, "console:read");
  if (!isUuid(agentId)) return [];
  const rows = await db
    .select()
    .from(externalCredentials)
    .where(eq(externalCredentials.agentId, agentId))
    .orderBy(asc(externalCredentials.system), asc(externalCredentials.createdAt));
  return rows.map(toPublicExternalCredential);
}
