import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { revokeAgentToken, revokeTokenInput } from "@/lib/credentials/revoke-agent-token";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const POST = apiRoute<{ id: string; tokenId: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:act");
  const token = await revokeAgentToken(db, caller, params.id, params.tokenId, await readJson(request, revokeTokenInput));
  return NextResponse.json(token);
});
