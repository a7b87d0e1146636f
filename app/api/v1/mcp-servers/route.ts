import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { listMcpServers } from "@/lib/mcp-gateway/list-mcp-servers";
import { registerMcpServerInput } from "@/lib/mcp-gateway/mcp-server-fields";
import { registerMcpServer } from "@/lib/mcp-gateway/register-mcp-server";

export const GET = apiRoute(async ({ db, caller }) => NextResponse.json({ mcpServers: await listMcpServers(db, caller) }));

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "keys:manage"); // before reading the body: a stranger learns nothing from validation errors
  const created = await registerMcpServer(db, caller, await readJson(request, registerMcpServerInput));
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
