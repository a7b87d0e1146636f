import { NextResponse } from "next/server";
import { updateAgentInput } from "@/lib/agents/agent-fields";
import { getAgent } from "@/lib/agents/get-agent";
import { updateAgent } from "@/lib/agents/update-agent";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await getAgent(db, caller, params.id));
});

export const PATCH = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:act");
  return NextResponse.json(await updateAgent(db, caller, params.id, await readJson(request, updateAgentInput)));
});
