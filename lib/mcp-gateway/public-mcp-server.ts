// An upstream MCP server as the API shows it: header names, never their values.
import type { McpServer } from "@/db/schema";
import { oauthIssuer } from "@/lib/oauth/issuer";
import type { CaptureMode, ToolPolicy, ToolSettings } from "./vocabulary";

export interface PublicMcpServer {
  id: string;
  name: string;
  url: string;
  gatewayUrl: string;
  headerNames: string[];
  defaultPolicy: ToolPolicy;
  tools: Record<string, ToolSettings>;
  capture: CaptureMode;
  approvalTimeoutSeconds: number;
  upstreamTimeoutSeconds: number;
  createdAt: string;
  updatedAt: string;
  disabledAt: string | null;
}

/** The gateway's address for a server: also the RFC 8707 resource an agent's token may be bound to. */
export const gatewayUrlOf = (name: string): string => `${oauthIssuer()}/mcp/${name}`;

export const toPublicMcpServer = (row: McpServer): PublicMcpServer => ({
  id: row.id,
  name: row.name,
  url: row.url,
  gatewayUrl: gatewayUrlOf(row.name),
  headerNames: row.headerNames,
  defaultPolicy: row.defaultPolicy,
  tools: row.tools,
  capture: row.capture,
  approvalTimeoutSeconds: row.approvalTimeoutSeconds,
  upstreamTimeoutSeconds: row.upstreamTimeoutSeconds,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  disabledAt: row.disabledAt?.toISOString() ?? null,
});

/** What audit entries keep of a server's settings: no header values. */
export const auditedSettings = (row: McpServer): Record<string, unknown> => ({
  name: row.name,
  url: row.url,
  headerNames: row.headerNames,
  defaultPolicy: row.defaultPolicy,
  tools: row.tools,
  capture: row.capture,
  approvalTimeoutSeconds: row.approvalTimeoutSeconds,
  upstreamTimeoutSeconds: row.upstreamTimeoutSeconds,
});
