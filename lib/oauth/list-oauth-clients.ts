// An agent's OAuth clients, newest first, for its page and the API.
import { desc, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentOauthClients } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { isUuid } from "@/lib/http/is-uuid";
import { type PublicOauthClient, toPublicOauthClient } from "./public-oauth-client";

export async function listOauthClients(db: Db, caller: Caller, agentId: string): Promise<PublicOauthClient[]> {
  authorize(caller, "console:read");
  if (!isUuid(agentId)) return [];
  const rows = await db.select().from(agentOauthClients).where(eq(agentOauthClients.agentId, agentId)).orderBy(desc(agentOauthClients.createdAt));
  return rows.map(toPublicOauthClient);
}
