// What an upstream offers, for the admin editing its policies: its `tools/list` (with the
// annotations the upstream declares) and the policy each tool gets through the gateway.
import type { Tool } from "@modelcontextprotocol/sdk/types.js";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mcpServers } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { AppError, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { policyOf } from "./gateway-tool-call";
import { dropUpstreamClient, upstreamClient } from "./upstream-client";
import type { ToolPolicy, ToolSettings } from "./vocabulary";

export interface UpstreamTool {
  name: string;
  title: string | null;
  description: string | null;
  annotations: Tool["annotations"] | null;
  settings: ToolSettings;
  policy: ToolPolicy;
}

export async function listUpstreamTools(db: Db, caller: Caller | null, id: string): Promise<UpstreamTool[]> {
  authorize(caller, "keys:manage");
  if (!isUuid(id)) throw notFound("The MCP server");
  const [server] = await db.select().from(mcpServers).where(eq(mcpServers.id, id));
  if (!server) throw notFound("The MCP server");
  const client = await upstreamClient(server).catch(() => null);
  const unreachable = new AppError(502, "upstream_unavailable", `The upstream MCP server ${server.name} could not be reached.`);
  if (!client) throw unreachable;
  try {
    const { tools } = await client.listTools(undefined, { timeout: server.upstreamTimeoutSeconds * 1000 });
    return tools.map((tool) => ({
      name: tool.name,
      title: tool.title ?? tool.annotations?.title ?? null,
      description: tool.description ?? null,
      annotations: tool.annotations ?? null,
      settings: server.tools[tool.name] ?? {},
      policy: policyOf(server, tool.name),
    }));
  } catch {
    dropUpstreamClient(server.id, client);
    throw unreachable;
  }
}
