import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createIngestKey } from "@/lib/keys/create-ingest-key";
import { createIngestKeyInput } from "@/lib/keys/key-fields";
import { listIngestKeys } from "@/lib/keys/list-keys";

export const GET = apiRoute(async ({ db, caller }) => {
  authorize(caller, "keys:manage");
  return NextResponse.json({ ingestKeys: await listIngestKeys(db, caller) });
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "keys:manage");
  const created = await createIngestKey(db, caller, await readJson(request, createIngestKeyInput));
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
