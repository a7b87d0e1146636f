import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { revokeOauthClient, revokeOauthClientInput } from "@/lib/oauth/revoke-oauth-client";

export const POST = apiRoute<{ id: string; clientId: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:act");
  const client = await revokeOauthClient(db, caller, params.id, params.clientId, await readJson(request, revokeOauthClientInput));
  return NextResponse.json(client);
});
