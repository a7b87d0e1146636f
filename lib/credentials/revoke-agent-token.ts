// Revokes one token of an agent, with a reason. Revoking twice keeps the first
// revocation's time and reason and answers with the token as it is.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agentTokens } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type PublicToken, toPublicToken } from "./public-token";

export const revokeTokenInput = z.strictObject({
  reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)." }).max(500),
});
export type RevokeTokenInput = z.infer<typeof revokeTokenInput>;

export async function revokeAgentToken(
  db: Db,
  caller: Caller,
  agentId: string,
  tokenId: string,
  input: RevokeTokenInput,
): Promise<PublicToken> {
  authorize(caller, "agents:act");
  if (!isUuid(agentId) || !isUuid(tokenId)) throw notFound("The token");
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(agentTokens)
      .set({ revokedAt: new Date(), revokedBy: callerLabel(caller), revokeReason: input.reason })
      .where(and(eq(agentTokens.id, tokenId), eq(agentTokens.agentId, agentId), isNull(agentTokens.revokedAt)))
      .returning();
    if (revoked) {
      await recordAuditEntry(tx, caller, {
        action: "agent_token.revoked",
        target: { type: "agent", id: agentId },
        after: { tokenId, prefix: revoked.prefix, reason: input.reason },
      });
      return toPublicToken(revoked);
    }
    const [existing] = await tx
      .select()
      .from(agentTokens)
      .where(and(eq(agentTokens.id, tokenId), eq(agentTokens.agentId, agentId)));
    if (!existing) throw notFound("The token");
    return toPublicToken(existing);
  });
}
