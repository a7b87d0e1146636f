import { NextResponse } from "next/server";
import { getAgent } from "@/lib/agents/get-agent";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createOauthClient } from "@/lib/oauth/create-oauth-client";
import { listOauthClients } from "@/lib/oauth/list-oauth-clients";
import { createOauthClientInput } from "@/lib/oauth/oauth-client-fields";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "console:read");
  await getAgent(db, caller, params.id); // 404 for an unknown agent rather than an empty list
  return NextResponse.json({ clients: await listOauthClients(db, caller, params.id) });
});

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:act");
  const created = await createOauthClient(db, caller, params.id, await readJson(request, createOauthClientInput));
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
