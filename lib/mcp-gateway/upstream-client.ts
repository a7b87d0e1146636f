// One MCP client per upstream server and process, shared by every agent's calls: the
// upstream sees the gateway (with the credentials an admin gave it), never the agents.
// Initialized once and reused, so a call through the gateway costs one upstream round
// trip; a client whose connection failed is dropped and the next call starts afresh.
// A changed server (new url or headers) gets a new client.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { McpServer } from "@/db/schema";
import { openHeaders } from "./upstream-headers";

interface Pooled {
  version: string;
  client: Promise<Client>;
}

const holder = globalThis as typeof globalThis & { __tourniquetMcpUpstreams?: Map<string, Pooled> };
const pool = (): Map<string, Pooled> => (holder.__tourniquetMcpUpstreams ??= new Map<string, Pooled>());

const versionOf = (server: McpServer) => `${server.updatedAt.getTime()}`;

/**
 * Node's own fetch. Inside a Next.js server, the global fetch is Next's wrapper (request
 * memoization, the data cache, tracing), which a call to an upstream tool never wants
 * and which costs time on every call; Next keeps the original beside it for this.
 */
const plainFetch: typeof fetch = (globalThis.fetch as typeof fetch & { _nextOriginalFetch?: typeof fetch })._nextOriginalFetch ?? globalThis.fetch;

async function connect(server: McpServer): Promise<Client> {
  const transport = new StreamableHTTPClientTransport(new URL(server.url), {
    requestInit: { headers: openHeaders(server.headersCiphertext), redirect: "error" },
    fetch: (url, init) => plainFetch(url, init),
  });
  const client = new Client({ name: "tourniquet-mcp-gateway", version: "1" }, { capabilities: {} });
  client.onerror = () => {};
  await client.connect(transport, { timeout: server.upstreamTimeoutSeconds * 1000 });
  return client;
}

export function upstreamClient(server: McpServer): Promise<Client> {
  const pooled = pool().get(server.id);
  if (pooled && pooled.version === versionOf(server)) return pooled.client;
  if (pooled) void pooled.client.then((client) => client.close()).catch(() => {});
  const client = connect(server);
  const entry = { version: versionOf(server), client };
  pool().set(server.id, entry);
  client.catch(() => {
    if (pool().get(server.id) === entry) pool().delete(server.id);
  });
  return client;
}

/** After a transport failure: the next call connects again (the upstream may have restarted). */
export function dropUpstreamClient(serverId: string, client: Client): void {
  const pooled = pool().get(serverId);
  if (!pooled) return;
  void pooled.client.then((current) => {
    if (current !== client) return;
    if (pool().get(serverId) === pooled) pool().delete(serverId);
    void current.close().catch(() => {});
  }).catch(() => {});
}

/** For tests and a stopping server: closes every upstream connection of this process. */
export async function closeUpstreamClients(): Promise<void> {
  const entries = [...pool().values()];
  pool().clear();
  await Promise.all(entries.map((entry) => entry.client.then((client) => client.close()).catch(() => {})));
}
