import { NextResponse } from "next/server";
import { registerAgentInput } from "@/lib/agents/agent-fields";
import { listAgents } from "@/lib/agents/list-agents";
import { registerAgent } from "@/lib/agents/register-agent";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { searchParamsObject } from "@/lib/http/search-params";

export const GET = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await listAgents(db, caller, searchParamsObject(request.nextUrl.searchParams)));
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "agents:act");
  const agent = await registerAgent(db, caller, await readJson(request, registerAgentInput));
  return NextResponse.json(agent, { status: 201 });
});
