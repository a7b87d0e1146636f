import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { getMcpServer } from "@/lib/mcp-gateway/list-mcp-servers";
import { updateMcpServerInput } from "@/lib/mcp-gateway/mcp-server-fields";
import { updateMcpServer } from "@/lib/mcp-gateway/update-mcp-server";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => NextResponse.json(await getMcpServer(db, caller, params.id)));

export const PATCH = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  authorize(caller, "keys:manage"); // before reading the body: a stranger learns nothing from validation errors
  return NextResponse.json(await updateMcpServer(db, caller, params.id, await readJson(request, updateMcpServerInput)));
});
