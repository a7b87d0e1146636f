// An admin puts an upstream MCP server behind the gateway at /mcp/{name}. Its headers
// (an API key, a bot token) are sealed here and never shown again: agents reach the
// upstream only through the gateway, so containing them leaves nothing behind there.
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { mcpServers } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { conflict } from "@/lib/errors";
import { type RegisterMcpServerInput, registerMcpServerInput } from "./mcp-server-fields";
import { type PublicMcpServer, auditedSettings, toPublicMcpServer } from "./public-mcp-server";
import { sealHeaders } from "./upstream-headers";

export async function registerMcpServer(db: Db, caller: Caller | null, raw: RegisterMcpServerInput): Promise<PublicMcpServer> {
  authorize(caller, "keys:manage");
  const input = registerMcpServerInput.parse(raw);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(mcpServers)
        .values({
          name: input.name,
          url: input.url,
          headersCiphertext: sealHeaders(input.headers),
          headerNames: Object.keys(input.headers ?? {}),
          defaultPolicy: input.defaultPolicy ?? "allow",
          tools: input.tools ?? {},
          capture: input.capture ?? "hash",
          approvalTimeoutSeconds: input.approvalTimeoutSeconds ?? 120,
          upstreamTimeoutSeconds: input.upstreamTimeoutSeconds ?? 30,
          createdBy: caller.type === "user" ? caller.id : null,
        })
        .returning();
      if (!row) throw new Error("insert returned no row");
      await recordAuditEntry(tx, caller, { action: "mcp_server.registered", target: { type: "mcp_server", id: row.id }, after: auditedSettings(row) });
      return toPublicMcpServer(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`An MCP server named ${input.name} is already registered.`);
    throw error;
  }
}
