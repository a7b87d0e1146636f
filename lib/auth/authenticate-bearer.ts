// Turns `Authorization: Bearer …` into a caller: an API key acts with its role, an
// ingest key may only send actions, an agent token speaks for its (active) agent, an
// SSF receiver credential manages only its own streams.
// Anything else is no caller at all.
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agentTokens, apiKeys, ingestKeys, ssfReceivers } from "@/db/schema";
import { findLiveToken } from "@/lib/credentials/find-live-token";
import { hashSecret, secretPrefixes } from "@/lib/credentials/secret";
import type { AgentCaller, ApiKeyCaller, IngestKeyCaller, RequestOrigin, SsfReceiverCaller } from "./caller";

/** Last use to the minute is enough, and spares a write on every request. */
async function stampLastUsed(db: Db, table: typeof apiKeys | typeof ingestKeys | typeof ssfReceivers | typeof agentTokens, id: string, now: Date): Promise<void> {
  await db
    .update(table)
    .set({ lastUsedAt: now })
    .where(and(eq(table.id, id), or(isNull(table.lastUsedAt), lt(table.lastUsedAt, sql`now() - interval '1 minute'`))));
}

export async function authenticateBearer(
  db: Db,
  token: string,
  origin: RequestOrigin = {},
): Promise<ApiKeyCaller | IngestKeyCaller | AgentCaller | SsfReceiverCaller | null> {
  if (token.length > 200) return null;
  const hash = hashSecret(token);
  const now = new Date();

  if (token.startsWith(secretPrefixes.apiKey)) {
    const [key] = await db
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.keyHash, hash), isNull(apiKeys.revokedAt)));
    if (!key) return null;
    await stampLastUsed(db, apiKeys, key.id, now);
    return { type: "api_key", id: key.id, name: key.name, role: key.role, ...origin };
  }

  if (token.startsWith(secretPrefixes.ingestKey)) {
    const [key] = await db
      .select()
      .from(ingestKeys)
      .where(and(eq(ingestKeys.keyHash, hash), isNull(ingestKeys.revokedAt)));
    if (!key) return null;
    await stampLastUsed(db, ingestKeys, key.id, now);
    return { type: "ingest_key", id: key.id, name: key.name, unknownAgents: key.unknownAgents, agentIds: key.agentIds ?? null, ...origin };
  }

  if (token.startsWith(secretPrefixes.agentToken)) {
    // The same lookup as introspection: a delegated token dies with its person's access.
    const hit = await findLiveToken(db, hash, now);
    if (!hit) return null;
    await stampLastUsed(db, agentTokens, hit.id, now);
    return { type: "agent", id: hit.agentId, name: hit.name, tokenId: hit.id, scopes: hit.scopes, ...origin };
  }
  if (token.startsWith(secretPrefixes.ssfReceiver)) {
    const [receiver] = await db
      .select()
      .from(ssfReceivers)
      .where(and(eq(ssfReceivers.secretHash, hash), isNull(ssfReceivers.revokedAt)));
    if (!receiver) return null;
    await stampLastUsed(db, ssfReceivers, receiver.id, now);
    return { type: "ssf_receiver", id: receiver.id, name: receiver.name, ...origin };
  }
  return null;
}
