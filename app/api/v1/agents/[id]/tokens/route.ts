import { NextResponse } from "next/server";
import { getAgent } from "@/lib/agents/get-agent";
import { authorize } from "@/lib/auth/authorize";
import { issueAgentToken, issueTokenInput } from "@/lib/credentials/issue-agent-token";
import { listAgentTokens } from "@/lib/credentials/list-agent-tokens";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "console:read");
  await getAgent(db, caller, params.id); // 404 for an unknown agent rather than an empty list
  return NextResponse.json({ tokens: await listAgentTokens(db, caller, params.id) });
});

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:act");
  const issued = await issueAgentToken(db, caller, params.id, await readJson(request, issueTokenInput));
  return NextResponse.json(issued, { status: 201, headers: { "cache-control": "no-store" } });
});
