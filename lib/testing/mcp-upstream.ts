// A real MCP server on loopback (the official SDK's McpServer over its Streamable HTTP
// transport, with sessions) standing in for an upstream behind the gateway. It counts
// the calls of each tool and refuses requests without its credential header.
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";

export interface McpUpstream {
  url: string;
  calls: Record<string, number>;
  /** Every request's headers as received, to prove the gateway injected the credential. */
  seenKeys: string[];
  close(): Promise<void>;
}

export const UPSTREAM_KEY_HEADER = "x-upstream-key";

function toolServer(calls: Record<string, number>): McpServer {
  const server = new McpServer({ name: "test-upstream", version: "1" });
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  server.registerTool("echo", { description: "Says back what it is given", inputSchema: { text: z.string() }, annotations: { readOnlyHint: true } }, async ({ text }) => {
    count("echo");
    return { content: [{ type: "text", text: `echo: ${text}` }] };
  });
  server.registerTool("post_message", { description: "Posts to the forum", inputSchema: { text: z.string() }, annotations: { openWorldHint: true } }, async ({ text }) => {
    count("post_message");
    return { content: [{ type: "text", text: `posted: ${text}` }] };
  });
  server.registerTool("drop_table", { description: "Drops a table", inputSchema: { table: z.string() }, annotations: { destructiveHint: true } }, async ({ table }) => {
    count("drop_table");
    return { content: [{ type: "text", text: `dropped ${table}` }] };
  });
  return server;
}

export async function startMcpUpstream(key: string): Promise<McpUpstream> {
  const calls: Record<string, number> = {};
  const seenKeys: string[] = [];
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  const httpServer = http.createServer(async (request, response) => {
    seenKeys.push(String(request.headers[UPSTREAM_KEY_HEADER] ?? ""));
    if (request.headers[UPSTREAM_KEY_HEADER] !== key) {
      response.writeHead(401, { "content-type": "application/json" }).end(JSON.stringify({ error: "bad key" }));
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown) : undefined;
    const sessionId = request.headers["mcp-session-id"];
    let transport = typeof sessionId === "string" ? sessions.get(sessionId) : undefined;
    if (!transport && request.method === "POST" && isInitializeRequest(body)) {
      const created = new StreamableHTTPServerTransport({ sessionIdGenerator: randomUUID, onsessioninitialized: (id) => void sessions.set(id, created) });
      created.onclose = () => {
        if (created.sessionId) sessions.delete(created.sessionId);
      };
      await toolServer(calls).connect(created);
      transport = created;
    }
    if (!transport) {
      response.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32001, message: "Session not found" }, id: null }));
      return;
    }
    await transport.handleRequest(request, response, body);
  });
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    calls,
    seenKeys,
    async close() {
      for (const transport of sessions.values()) await transport.close().catch(() => {});
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}
