// The registered upstream MCP servers, for admins.
import { asc, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { mcpServers } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type PublicMcpServer, toPublicMcpServer } from "./public-mcp-server";

export async function listMcpServers(db: Queryable, caller: Caller | null): Promise<PublicMcpServer[]> {
  authorize(caller, "keys:manage");
  return (await db.select().from(mcpServers).orderBy(asc(mcpServers.name))).map(toPublicMcpServer);
}

export async function getMcpServer(db: Queryable, caller: Caller | null, id: string): Promise<PublicMcpServer> {
  authorize(caller, "keys:manage");
  if (!isUuid(id)) throw notFound("The MCP server");
  const [row] = await db.select().from(mcpServers).where(eq(mcpServers.id, id));
  if (!row) throw notFound("The MCP server");
  return toPublicMcpServer(row);
}
