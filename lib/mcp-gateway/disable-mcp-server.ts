// An admin takes an upstream out of the gateway: every call to /mcp/{name} is refused
// from then on. The row stays, so the timeline's calls keep their server.
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { mcpServers } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type PublicMcpServer, toPublicMcpServer } from "./public-mcp-server";

/** The reason is optional for API clients; the console always asks for one. */
export const disableMcpServerInput = z.strictObject({
  reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)." }).max(1000).optional(),
});
export type DisableMcpServerInput = z.infer<typeof disableMcpServerInput>;

export async function disableMcpServer(db: Db, caller: Caller | null, id: string, raw: DisableMcpServerInput = {}): Promise<PublicMcpServer> {
  authorize(caller, "keys:manage");
  const { reason } = disableMcpServerInput.parse(raw);
  if (!isUuid(id)) throw notFound("The MCP server");
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(mcpServers).where(eq(mcpServers.id, id)).for("update");
    if (!current) throw notFound("The MCP server");
    if (current.disabledAt) return toPublicMcpServer(current);
    const [row] = await tx.update(mcpServers).set({ disabledAt: new Date(), updatedAt: new Date() }).where(eq(mcpServers.id, id)).returning();
    if (!row) throw notFound("The MCP server");
    await recordAuditEntry(tx, caller, { action: "mcp_server.disabled", target: { type: "mcp_server", id }, after: { name: row.name, ...(reason ? { reason } : {}) } });
    return toPublicMcpServer(row);
  });
}
