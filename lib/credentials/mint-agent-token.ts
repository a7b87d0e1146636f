// Creates one token row inside the caller's transaction; the token itself is
// returned once and only its hash is stored. Used by issuing and by restoring.
import type { Tx } from "@/db/client";
import { agentTokens } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { Caller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "./secret";

export interface IssuedToken {
  id: string;
  /** The token itself: in this reply only. */
  token: string;
  prefix: string;
  scopes: string[];
  expiresAt: string;
}

export async function mintAgentToken(
  tx: Tx,
  caller: Caller,
  agentId: string,
  scopes: string[],
  lifetimeSeconds: number,
): Promise<IssuedToken> {
  const minted = mintSecret(secretPrefixes.agentToken);
  const expiresAt = new Date(Date.now() + lifetimeSeconds * 1000);
  const [token] = await tx
    .insert(agentTokens)
    .values({
      agentId,
      prefix: minted.displayPrefix,
      tokenHash: minted.hash,
      scopes,
      expiresAt,
      createdBy: caller.type === "user" ? caller.id : null,
    })
    .returning({ id: agentTokens.id });
  if (!token) throw new Error("insert returned no row");
  await recordAuditEntry(tx, caller, {
    action: "agent_token.issued",
    target: { type: "agent", id: agentId },
    after: { tokenId: token.id, prefix: minted.displayPrefix, scopes, expiresAt: expiresAt.toISOString() },
  });
  return { id: token.id, token: minted.secret, prefix: minted.displayPrefix, scopes, expiresAt: expiresAt.toISOString() };
}
