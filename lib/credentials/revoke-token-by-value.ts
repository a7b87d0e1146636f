// RFC 7009: a resource server (or anyone holding the token) revokes a token it was
// shown. Unknown and already revoked tokens are not an error, so the answer never
// tells whether a token existed.
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentTokens } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { hashSecret, secretPrefixes } from "./secret";

export async function revokeTokenByValue(db: Db, caller: Caller, token: string): Promise<void> {
  authorize(caller, "tokens:check");
  if (!token.startsWith(secretPrefixes.agentToken) || token.length > 200) return;
  const reason = `revoked through RFC 7009 by ${callerLabel(caller)}`;
  await db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(agentTokens)
      .set({ revokedAt: new Date(), revokedBy: callerLabel(caller), revokeReason: reason })
      .where(and(eq(agentTokens.tokenHash, hashSecret(token)), isNull(agentTokens.revokedAt)))
      .returning({ id: agentTokens.id, agentId: agentTokens.agentId, prefix: agentTokens.prefix });
    if (!revoked) return;
    await recordAuditEntry(tx, caller, {
      action: "agent_token.revoked",
      target: { type: "agent", id: revoked.agentId },
      after: { tokenId: revoked.id, prefix: revoked.prefix, reason },
    });
  });
}
