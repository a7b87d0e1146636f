import { desc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { agentTokens } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { isUuid } from "@/lib/http/is-uuid";
import { type PublicToken, toPublicToken } from "./public-token";

/** An agent's tokens, newest first, by prefix: never the token itself. */
export async function listAgentTokens(db: Queryable, caller: Caller, agentId: string): Promise<PublicToken[]> {
  authorize(caller, "console:read");
  if (!isUuid(agentId)) return [];
  const rows = await db
    .select()
    .from(agentTokens)
    .where(eq(agentTokens.agentId, agentId))
    .orderBy(desc(agentTokens.issuedAt))
    .limit(500);
  return rows.map(toPublicToken);
}
