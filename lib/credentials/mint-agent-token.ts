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

/** What a token from the OAuth token endpoint is tied to (none for a person-issued token). */
export interface TokenBinding {
  oauthClientId?: string;
  resource?: string | null;
  delegationId?: string | null;
}

export async function mintAgentToken(
  tx: Tx,
  caller: Caller,
  agentId: string,
  scopes: string[],
  lifetimeSeconds: number,
  binding: TokenBinding = {},
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
      oauthClientId: binding.oauthClientId ?? null,
      resource: binding.resource ?? null,
      delegationId: binding.delegationId ?? null,
    })
    .returning({ id: agentTokens.id });
  if (!token) throw new Error("insert returned no row");
  await recordAuditEntry(tx, caller, {
    action: "agent_token.issued",
    target: { type: "agent", id: agentId },
    after: { tokenId: token.id, prefix: minted.displayPrefix, scopes, expiresAt: expiresAt.toISOString(), ...binding },
  });
  return { id: token.id, token: minted.secret, prefix: minted.displayPrefix, scopes, expiresAt: expiresAt.toISOString() };
}
