// An admin changes an upstream's address, credentials or policies. The name stays: it is
// the gateway path agents are configured with. New headers replace the old ones whole.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { mcpServers } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type UpdateMcpServerInput, updateMcpServerInput } from "./mcp-server-fields";
import { type PublicMcpServer, auditedSettings, toPublicMcpServer } from "./public-mcp-server";
import { sealHeaders } from "./upstream-headers";

export async function updateMcpServer(db: Db, caller: Caller | null, id: string, raw: UpdateMcpServerInput): Promise<PublicMcpServer> {
  authorize(caller, "keys:manage");
  const input = updateMcpServerInput.parse(raw);
  if (!isUuid(id)) throw notFound("The MCP server");
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(mcpServers).where(eq(mcpServers.id, id)).for("update");
    if (!current) throw notFound("The MCP server");
    const [row] = await tx
      .update(mcpServers)
      .set({
        ...(input.url !== undefined ? { url: input.url } : {}),
        ...(input.headers !== undefined ? { headersCiphertext: sealHeaders(input.headers), headerNames: Object.keys(input.headers ?? {}) } : {}),
        ...(input.defaultPolicy !== undefined ? { defaultPolicy: input.defaultPolicy } : {}),
        ...(input.tools !== undefined ? { tools: input.tools } : {}),
        ...(input.capture !== undefined ? { capture: input.capture } : {}),
        ...(input.approvalTimeoutSeconds !== undefined ? { approvalTimeoutSeconds: input.approvalTimeoutSeconds } : {}),
        ...(input.upstreamTimeoutSeconds !== undefined ? { upstreamTimeoutSeconds: input.upstreamTimeoutSeconds } : {}),
        updatedAt: new Date(),
      })
      .where(eq(mcpServers.id, id))
      .returning();
    if (!row) throw notFound("The MCP server");
    await recordAuditEntry(tx, caller, {
      action: "mcp_server.updated",
      target: { type: "mcp_server", id },
      before: auditedSettings(current),
      // Whether the credentials changed, never what they are.
      after: { ...auditedSettings(row), headersReplaced: input.headers !== undefined },
    });
    return toPublicMcpServer(row);
  });
}
