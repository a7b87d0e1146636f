import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { disableMcpServer, disableMcpServerInput } from "@/lib/mcp-gateway/disable-mcp-server";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params, request }) => {
  authorize(caller, "keys:manage"); // before reading the body: a stranger learns nothing from validation errors
  // A body is optional (`{ reason }`); a bare POST still disables.
  const input = request.headers.get("content-type") ? await readJson(request, disableMcpServerInput) : {};
  return NextResponse.json(await disableMcpServer(db, caller, params.id, input));
});
