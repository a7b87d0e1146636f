// The gateway at /mcp/{name}: MCP Streamable HTTP towards agents, the SDK's own server
// transport and protocol handling, one stateless server per request so that any replica
// can take any request (no session lives in one process's memory). Towards the
// upstream, the pooled SDK client (upstream-client.ts). Only tools are proxied: the
// calls are what the timeline, the policies and the kill switch are about.
import { Server } from "@modelcontextprotocol/sdk/server/index.js";
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { CallToolRequestSchema, ListToolsRequestSchema, McpError } from "@modelcontextprotocol/sdk/types.js";
import { and, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mcpServers } from "@/db/schema";
import type { SubscribeToChanges } from "@/lib/approvals/get-approval";
import { describeForLog } from "@/lib/http/describe-for-log";
import { requestOrigin } from "@/lib/http/request-origin";
import { oauthIssuer } from "@/lib/oauth/issuer";
import { authenticateGatewayAgent } from "./authenticate-gateway-agent";
import { gatewayError } from "./gateway-errors";
import { gatewayToolCall, policyOf } from "./gateway-tool-call";
import { gatewayUrlOf } from "./public-mcp-server";
import { dropUpstreamClient, upstreamClient } from "./upstream-client";
import { SERVER_NAME_PATTERN } from "./vocabulary";

export interface GatewayOptions {
  /** The change hub (lib/live/change-hub.ts): approvals answered, agents contained, on any replica. */
  subscribe: SubscribeToChanges;
  /** Work that finishes after the answer (recording a call); a stopping server waits for it. */
  track?: (work: Promise<void>) => void;
}

/** RFC 9728 §3.1: the metadata of the resource at path /mcp/{name}. */
export const protectedResourceMetadataUrl = (name: string) => `${oauthIssuer()}/.well-known/oauth-protected-resource/mcp/${name}`;

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", "cache-control": "no-store", ...headers } });

function unauthorizedResponse(name: string, tokenSent: boolean): Response {
  // RFC 6750 §3 and RFC 9728 §5.1: where to learn which authorization server issues tokens for this resource.
  const challenge = `Bearer ${tokenSent ? 'error="invalid_token", ' : ""}resource_metadata="${protectedResourceMetadataUrl(name)}"`;
  return json(
    401,
    { error: { code: "unauthorized", message: "Send a live token of an active agent as Authorization: Bearer." } },
    { "www-authenticate": challenge },
  );
}

export async function handleGatewayRequest(db: Db, request: Request, name: string, options: GatewayOptions): Promise<Response> {
  if (!SERVER_NAME_PATTERN.test(name)) return json(404, { error: { code: "not_found", message: "No MCP server is registered at this path." } });
  const authorization = request.headers.get("authorization");
  // Both reads at once (two pooled connections on PostgreSQL): each is on every call's path.
  // The token is still judged first, so an unauthenticated caller learns nothing of which servers exist.
  const [agent, [server]] = await Promise.all([
    authenticateGatewayAgent(db, authorization, gatewayUrlOf(name), requestOrigin(request.headers)),
    db.select().from(mcpServers).where(and(eq(mcpServers.name, name), isNull(mcpServers.disabledAt))),
  ]);
  if (!agent) return unauthorizedResponse(name, Boolean(authorization));
  if (!server) return json(404, { error: { code: "not_found", message: "No MCP server is registered at this path." } });
  // Stateless: there is no session to stream to or to end, which the spec answers with 405.
  if (request.method !== "POST") return json(405, { error: { code: "method_not_allowed", message: "Send MCP messages with POST." } }, { allow: "POST" });

  const track = options.track ?? ((work: Promise<void>) => void work);
  const mcp = new Server({ name: `tourniquet-gateway/${server.name}`, version: "1" }, { capabilities: { tools: {} } });
  mcp.setRequestHandler(ListToolsRequestSchema, async (list) => {
    const client = await upstreamClient(server).catch(() => null);
    if (!client) throw gatewayError("upstreamUnavailable", `The upstream MCP server ${server.name} could not be reached.`);
    try {
      const answer = await client.listTools(list.params, { timeout: server.upstreamTimeoutSeconds * 1000 });
      return { ...answer, tools: answer.tools.filter((tool) => policyOf(server, tool.name) !== "deny") };
    } catch (error) {
      if (error instanceof McpError && error.code !== -32001 && error.code !== -32000) throw error;
      dropUpstreamClient(server.id, client);
      console.error(`[mcp-gateway] upstream ${server.name} failed to list tools: ${describeForLog(error)}`);
      throw gatewayError("upstreamUnavailable", `The upstream MCP server ${server.name} did not answer in time or could not be reached.`);
    }
  });
  mcp.setRequestHandler(CallToolRequestSchema, (call, extra) =>
    gatewayToolCall(
      { db, server, agent, subscribe: options.subscribe, signal: AbortSignal.any([request.signal, extra.signal]), track },
      call.params.name,
      call.params.arguments,
    ),
  );
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  await mcp.connect(transport);
  return transport.handleRequest(request);
}
