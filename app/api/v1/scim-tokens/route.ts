import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createScimToken, createScimTokenInput } from "@/lib/scim/create-scim-token";
import { listScimTokens } from "@/lib/scim/list-scim-tokens";

export const GET = apiRoute(async ({ db, caller }) => {
  authorize(caller, "keys:manage");
  return NextResponse.json({ scimTokens: await listScimTokens(db, caller) });
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "keys:manage");
  const created = await createScimToken(db, caller, await readJson(request, createScimTokenInput));
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
