// An edit must never leave a token more powerful than its agent: when scopes are
// removed, live tokens carrying a scope the agent no longer has are revoked; when the
// agent is retired, all its live tokens are (so bringing it back revives none).
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Agent, agentTokens } from "@/db/schema";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { scopeCovers } from "@/lib/credentials/scope-covers";

export async function revokeTokensAfterEdit(tx: Tx, caller: Caller, agent: Agent, scopes: string[], status?: string): Promise<number> {
  const live = await tx
    .select({ id: agentTokens.id, scopes: agentTokens.scopes })
    .from(agentTokens)
    .where(and(eq(agentTokens.agentId, agent.id), isNull(agentTokens.revokedAt)));
  const retiring = status === "retired" && agent.status !== "retired";
  const doomed = live.filter((token) => retiring || token.scopes.some((scope) => !scopes.some((granted) => scopeCovers(granted, scope))));
  if (doomed.length === 0) return 0;
  await tx
    .update(agentTokens)
    .set({
      revokedAt: new Date(),
      revokedBy: callerLabel(caller),
      revokeReason: retiring ? "agent retired" : "scope removed from the agent",
    })
    .where(inArray(agentTokens.id, doomed.map((token) => token.id)));
  return doomed.length;
}
