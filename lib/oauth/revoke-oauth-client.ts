// Ends one OAuth client of an agent: it can get no more tokens, and what it obtained
// (access tokens, delegations and their refresh tokens) is revoked in the same transaction.
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { agentOauthClients, agentTokens, oauthDelegations } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import { type Caller, callerLabel } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type PublicOauthClient, toPublicOauthClient } from "./public-oauth-client";
import { revokeDelegationFamily } from "./revoke-delegation-family";

export const revokeOauthClientInput = z.strictObject({
  reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)." }).max(500),
});

export async function revokeOauthClient(db: Db, caller: Caller, agentId: string, clientId: string, raw: unknown): Promise<PublicOauthClient> {
  authorize(caller, "agents:act");
  const { reason } = revokeOauthClientInput.parse(raw);
  if (!isUuid(agentId)) throw notFound("The client");
  return db.transaction(async (tx) => {
    const [client] = await tx
      .select()
      .from(agentOauthClients)
      .where(and(eq(agentOauthClients.agentId, agentId), eq(agentOauthClients.clientId, clientId)))
      .for("update");
    if (!client) throw notFound("The client");
    if (client.revokedAt) return toPublicOauthClient(client);
    const now = new Date();
    const [revoked] = await tx.update(agentOauthClients).set({ revokedAt: now, revokeReason: reason }).where(eq(agentOauthClients.id, client.id)).returning();
    const delegations = await tx
      .select({ id: oauthDelegations.id })
      .from(oauthDelegations)
      .where(and(eq(oauthDelegations.clientRowId, client.id), isNull(oauthDelegations.revokedAt)));
    for (const delegation of delegations) await revokeDelegationFamily(tx, caller, delegation.id, `client revoked: ${reason}`);
    const tokens = await tx
      .update(agentTokens)
      .set({ revokedAt: now, revokedBy: callerLabel(caller), revokeReason: `client revoked: ${reason}` })
      .where(and(eq(agentTokens.oauthClientId, client.id), isNull(agentTokens.revokedAt)))
      .returning({ id: agentTokens.id });
    await recordAuditEntry(tx, caller, {
      action: "oauth_client.revoked",
      target: { type: "agent", id: agentId },
      after: { oauthClientId: client.id, clientId, reason, tokensRevoked: tokens.length, delegationsRevoked: delegations.length },
    });
    return toPublicOauthClient(revoked ?? client);
  });
}
