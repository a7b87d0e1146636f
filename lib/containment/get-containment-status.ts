// What a responder needs after pressing the switch: the containment, whether every
// connected system acknowledged it, and what is left — credentials held elsewhere
// that Tourniquet could not revoke, and the last moment one of them still works.
import { and, desc, eq, isNull } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { connectors, containments, deliveries, externalCredentials } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { type PublicExternalCredential, toPublicExternalCredential } from "@/lib/credentials/public-external-credential";
import { listActiveConnectorNames } from "@/lib/connectors/list-connectors";
import { isUuid } from "@/lib/http/is-uuid";
import { type CredentialResult, credentialResults } from "./credential-results";
import { type PublicContainment, toPublicContainment } from "./public-containment";

export interface PublicDelivery {
  id: string;
  connector: string;
  kind: string;
  eventType: string;
  status: string;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  /** The receiver's own code and description (RFC 8935 err), when it refused. */
  errorCode: string | null;
  errorDescription: string | null;
  credentialId: string | null;
  nextAttemptAt: string;
  deliveredAt: string | null;
  createdAt: string;
}

export interface ContainmentStatus {
  current: PublicContainment | null;
  /** Systems a containment tells now. */
  notifies: { name: string; kind: string }[];
  history: PublicContainment[];
  deliveries: PublicDelivery[];
  leftover: {
    credentials: PublicExternalCredential[];
    /** The latest expiry among them; null when one never expires (see neverExpires). */
    usableUntil: string | null;
    neverExpires: boolean;
    /** Every credential held elsewhere and what containment did about it (revoked, pending, failed, not revocable). */
    results: CredentialResult[];
  };
}

export async function getContainmentStatus(db: Queryable, caller: Caller, agentId: string): Promise<ContainmentStatus> {
  authorize(caller, "console:read");
  const empty: ContainmentStatus = { current: null, notifies: [], history: [], deliveries: [], leftover: { credentials: [], usableUntil: null, neverExpires: false, results: [] } };
  if (!isUuid(agentId)) return empty;
  const [history, sent, held, notifies, results] = await Promise.all([
    db.select().from(containments).where(eq(containments.agentId, agentId)).orderBy(desc(containments.startedAt)).limit(20),
    db
      .select({ delivery: deliveries, connector: connectors.name, kind: connectors.kind })
      .from(deliveries)
      .innerJoin(connectors, eq(connectors.id, deliveries.connectorId))
      .where(eq(deliveries.agentId, agentId))
      .orderBy(desc(deliveries.createdAt))
      .limit(50),
    db
      .select()
      .from(externalCredentials)
      .where(and(eq(externalCredentials.agentId, agentId), isNull(externalCredentials.revokedAt))),
    listActiveConnectorNames(db, caller),
    credentialResults(db, agentId),
  ]);
  const credentials = held.map(toPublicExternalCredential);
  const neverExpires = credentials.some((credential) => credential.expiresAt === null);
  const usableUntil = neverExpires
    ? null
    : credentials.reduce<string | null>((latest, credential) => (credential.expiresAt && (!latest || credential.expiresAt > latest) ? credential.expiresAt : latest), null);
  const current = history.find((containment) => containment.releasedAt === null);
  return {
    current: current ? toPublicContainment(current) : null,
    notifies,
    history: history.map(toPublicContainment),
    deliveries: sent.map(({ delivery, connector, kind }) => ({
      id: delivery.id,
      connector,
      kind,
      eventType: delivery.eventType,
      status: delivery.status,
      attempts: delivery.attempts,
      lastError: delivery.lastError,
      lastStatusCode: delivery.lastStatusCode,
      errorCode: delivery.errorCode,
      errorDescription: delivery.errorDescription,
      credentialId: delivery.credentialId,
      nextAttemptAt: delivery.nextAttemptAt.toISOString(),
      deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
      createdAt: delivery.createdAt.toISOString(),
    })),
    leftover: { credentials, usableUntil, neverExpires, results },
  };
}
