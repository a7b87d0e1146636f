// Connectors: systems Tourniquet tells when it contains an agent (webhook, caep, an
// SSF stream) and systems where it revokes the agent's credentials itself.
export const connectorKinds = ["webhook", "caep", "postgres", "redis", "oauth"] as const;
export type ConnectorKind = (typeof connectorKinds)[number];

/** Kinds that act in the system holding a credential rather than telling it. */
export const revocationKinds = ["postgres", "redis", "oauth"] as const satisfies readonly ConnectorKind[];
export type RevocationKind = (typeof revocationKinds)[number];
export const isRevocationKind = (kind: ConnectorKind): kind is RevocationKind => (revocationKinds as readonly string[]).includes(kind);

/**
 * `available`: waiting on a poll stream for its receiver to fetch it (RFC 8936); `held`:
 * kept while its stream is paused. The outbox worker sends only pending and retrying.
 */
export const deliveryStatuses = ["pending", "retrying", "delivered", "failed", "available", "held"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const CAEP_SESSION_REVOKED = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";
export const CAEP_CREDENTIAL_CHANGE = "https://schemas.openid.net/secevent/caep/event-type/credential-change";
export const SSF_VERIFICATION = "https://schemas.openid.net/secevent/ssf/event-type/verification";
export const SSF_STREAM_UPDATED = "https://schemas.openid.net/secevent/ssf/event-type/stream-updated";
/** The outbox's own event type for a revocation in another system. */
export const CREDENTIAL_REVOKE = "credential.revoke";
