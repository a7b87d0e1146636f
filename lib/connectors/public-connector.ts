import type { Connector } from "@/db/schema";

export interface PublicConnector {
  id: string;
  name: string;
  kind: Connector["kind"];
  url: string;
  secretPrefix: string;
  createdAt: string;
  disabledAt: string | null;
}

export const toPublicConnector = (connector: Connector): PublicConnector => ({
  id: connector.id,
  name: connector.name,
  kind: connector.kind,
  url: connector.url,
  secretPrefix: connector.secretPrefix,
  createdAt: connector.createdAt.toISOString(),
  disabledAt: connector.disabledAt?.toISOString() ?? null,
});
