import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { agents } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { liveTokenCount } from "./live-token-count";
import { type PublicAgent, toPublicAgent } from "./public-agent";

export async function getAgent(db: Queryable, caller: Caller, agentId: string): Promise<PublicAgent> {
  authorize(caller, "console:read");
  if (!isUuid(agentId)) throw notFound("The agent");
  const [row] = await db.select({ agent: agents, liveTokens: liveTokenCount }).from(agents).where(eq(agents.id, agentId));
  if (!row) throw notFound("The agent");
  return toPublicAgent(row.agent, row.liveTokens);
}
