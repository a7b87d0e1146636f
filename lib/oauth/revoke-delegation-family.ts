// Ends a delegation and everything issued under it: its refresh tokens and its access
// tokens. Used when a person revokes a delegation and when a refresh token or a code is
// replayed (the family is presumed stolen, OAuth 2.1 §4.3.1 and RFC 6749 §4.1.2).
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { agentTokens, oauthDelegations, oauthRefreshTokens } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Caller } from "@/lib/auth/caller";
import { callerLabel } from "@/lib/auth/caller";

export async function revokeDelegationFamily(tx: Tx, caller: Caller, delegationId: string, reason: string): Promise<{ tokensRevoked: number }> {
  const now = new Date();
  const [delegation] = await tx
    .update(oauthDelegations)
    .set({ revokedAt: now, revokeReason: reason })
    .where(and(eq(oauthDelegations.id, delegationId), isNull(oauthDelegations.revokedAt)))
    .returning({ id: oauthDelegations.id, agentId: oauthDelegations.agentId, userId: oauthDelegations.userId });
  await tx.update(oauthRefreshTokens).set({ revokedAt: now }).where(and(eq(oauthRefreshTokens.delegationId, delegationId), isNull(oauthRefreshTokens.revokedAt)));
  const revoked = await tx
    .update(agentTokens)
    .set({ revokedAt: now, revokedBy: callerLabel(caller), revokeReason: `delegation revoked: ${reason}` })
    .where(and(eq(agentTokens.delegationId, delegationId), isNull(agentTokens.revokedAt)))
    .returning({ id: agentTokens.id });
  if (delegation) {
    await recordAuditEntry(tx, caller, {
      action: "oauth_delegation.revoked",
      target: { type: "agent", id: delegation.agentId },
      after: { delegationId, userId: delegation.userId, reason, tokensRevoked: revoked.length },
    });
  }
  return { tokensRevoked: revoked.length };
}
