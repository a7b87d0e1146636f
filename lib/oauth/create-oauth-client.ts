// Registers an OAuth client for an agent, so it can get its own short-lived tokens at
// the token endpoint. A secret client's secret is returned once and stored as a hash.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentOauthClients, agents } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { mintSecret, secretPrefixes } from "@/lib/credentials/secret";
import { conflict, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type CreateOauthClientInput, createOauthClientInput } from "./oauth-client-fields";

export interface CreatedOauthClient {
  id: string;
  clientId: string;
  /** Only for the secret methods, and only in this reply. */
  clientSecret?: string;
}

export async function createOauthClient(db: Db, caller: Caller, agentId: string, raw: CreateOauthClientInput): Promise<CreatedOauthClient> {
  authorize(caller, "agents:act");
  const input = createOauthClientInput.parse(raw);
  if (!isUuid(agentId)) throw notFound("The agent");
  const clientId = mintSecret(secretPrefixes.oauthClientId).secret.slice(0, 30);
  const secret = input.authMethod === "private_key_jwt" ? null : mintSecret(secretPrefixes.oauthClientSecret);
  return db.transaction(async (tx) => {
    const [agent] = await tx.select({ name: agents.name, status: agents.status }).from(agents).where(eq(agents.id, agentId)).for("share");
    if (!agent) throw notFound("The agent");
    if (agent.status === "retired" || agent.status === "unregistered") throw conflict(`${agent.name} is ${agent.status}; register it before giving it a client.`);
    const [row] = await tx
      .insert(agentOauthClients)
      .values({
        agentId,
        clientId,
        name: input.name ?? "",
        authMethod: input.authMethod,
        secretHash: secret?.hash ?? null,
        jwks: input.jwks ?? null,
        jwksUri: input.jwksUri ?? null,
        redirectUris: input.redirectUris ?? [],
        createdBy: caller.type === "user" ? caller.id : null,
      })
      .returning({ id: agentOauthClients.id });
    if (!row) throw new Error("insert returned no row");
    await recordAuditEntry(tx, caller, {
      action: "oauth_client.created",
      target: { type: "agent", id: agentId },
      after: { oauthClientId: row.id, clientId, name: input.name ?? "", authMethod: input.authMethod, redirectUris: input.redirectUris ?? [], jwksUri: input.jwksUri ?? null },
    });
    return { id: row.id, clientId, ...(secret ? { clientSecret: secret.secret } : {}) };
  });
}
