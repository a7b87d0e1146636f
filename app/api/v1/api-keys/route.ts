import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createApiKey } from "@/lib/keys/create-api-key";
import { createApiKeyInput } from "@/lib/keys/key-fields";
import { listApiKeys } from "@/lib/keys/list-keys";

export const GET = apiRoute(async ({ db, caller }) => {
  authorize(caller, "keys:manage");
  return NextResponse.json({ apiKeys: await listApiKeys(db, caller) });
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "keys:manage");
  const created = await createApiKey(db, caller, await readJson(request, createApiKeyInput));
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
