// At containment, one outbox row per credential the agent holds in a system that a
// revocation connector can act in. Written in the containment's transaction; the
// outbox does the work (and the retries) after it commits.
import { and, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { connectors, deliveries, externalCredentials } from "@/db/schema";
import { notifyOutbox } from "@/lib/connectors/enqueue-deliveries";
import { CREDENTIAL_REVOKE, revocationKinds } from "@/lib/connectors/vocabulary";

export async function enqueueRevocations(tx: Tx, agentId: string, containmentId: string): Promise<number> {
  const held = await tx
    .select({ credential: externalCredentials, connectorId: connectors.id })
    .from(externalCredentials)
    .innerJoin(connectors, eq(connectors.id, externalCredentials.connectorId))
    .where(
      and(
        eq(externalCredentials.agentId, agentId),
        isNull(externalCredentials.revokedAt),
        isNotNull(externalCredentials.connectorId),
        isNull(connectors.disabledAt),
        inArray(connectors.kind, [...revocationKinds]),
      ),
    );
  if (held.length === 0) return 0;
  await tx.insert(deliveries).values(
    held.map(({ credential, connectorId }) => ({
      connectorId,
      agentId,
      containmentId,
      credentialId: credential.id,
      eventType: CREDENTIAL_REVOKE,
      payload: { credentialId: credential.id, system: credential.system, identifier: credential.identifier },
    })),
  );
  await notifyOutbox(tx);
  return held.length;
}
