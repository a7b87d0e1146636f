// The person's answer on the consent page. Approving records the delegation and a
// one-time code (audited); refusing writes nothing and tells the client access_denied.
import { z } from "zod";
import type { Db } from "@/db/client";
import { oauthAuthorizationCodes, oauthDelegations } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { forbidden, invalidInput } from "@/lib/errors";
import { readAuthorizationRequest, redirectWith } from "./read-authorization-request";

const CODE_SECONDS = 60;

export const decideAuthorizationInput = z.strictObject({
  /** The authorization request's query string, as the consent page received it. */
  query: z.string().max(8192),
  decision: z.enum(["approve", "refuse"]),
});

export async function decideAuthorization(db: Db, caller: Caller, raw: z.infer<typeof decideAuthorizationInput>): Promise<{ redirectTo: string }> {
  authorize(caller, "console:read");
  if (caller.type !== "user") throw forbidden("Only a signed-in person can delegate to an agent.");
  const input = decideAuthorizationInput.parse(raw);
  const checked = await readAuthorizationRequest(db, caller, new URLSearchParams(input.query));
  if (checked.kind === "show") throw invalidInput(checked.message);
  if (checked.kind === "redirect") return { redirectTo: checked.to };
  const { request } = checked;
  if (input.decision === "refuse") {
    return { redirectTo: redirectWith(request.redirectUri, { error: "access_denied", error_description: "The person refused.", state: request.state }) };
  }
  const code = mintSecret(secretPrefixes.authorizationCode);
  await db.transaction(async (tx) => {
    const [delegation] = await tx
      .insert(oauthDelegations)
      .values({ agentId: request.agent.id, clientRowId: request.clientRowId, userId: caller.id, scopes: request.scopes, resource: request.resource })
      .returning({ id: oauthDelegations.id });
    if (!delegation) throw new Error("insert returned no row");
    await tx.insert(oauthAuthorizationCodes).values({
      codeHash: code.hash,
      delegationId: delegation.id,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      expiresAt: new Date(Date.now() + CODE_SECONDS * 1000),
    });
    await recordAuditEntry(tx, caller, {
      action: "oauth_delegation.granted",
      target: { type: "agent", id: request.agent.id },
      after: { delegationId: delegation.id, clientId: request.clientId, scopes: request.scopes, resource: request.resource },
    });
  });
  return { redirectTo: redirectWith(request.redirectUri, { code: code.secret, state: request.state }) };
}
