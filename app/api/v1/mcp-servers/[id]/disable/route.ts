import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { disableMcpServer } from "@/lib/mcp-gateway/disable-mcp-server";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params }) => NextResponse.json(await disableMcpServer(db, caller, params.id)));
