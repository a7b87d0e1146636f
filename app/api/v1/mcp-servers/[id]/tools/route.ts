import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listUpstreamTools } from "@/lib/mcp-gateway/list-upstream-tools";

export const dynamic = "force-dynamic";

/** The upstream's tools/list with annotations and each tool's policy through the gateway. */
export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => NextResponse.json({ tools: await listUpstreamTools(db, caller, params.id) }));
