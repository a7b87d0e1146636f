// Connectors: systems Tourniquet tells when it contains an agent.
export const connectorKinds = ["webhook", "caep"] as const;
export type ConnectorKind = (typeof connectorKinds)[number];

export const deliveryStatuses = ["pending", "retrying", "delivered", "failed"] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export const CAEP_SESSION_REVOKED = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";
export const CAEP_CREDENTIAL_CHANGE = "https://schemas.openid.net/secevent/caep/event-type/credential-change";
