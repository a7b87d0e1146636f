import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createResourceServer } from "@/lib/keys/create-resource-server";
import { createResourceServerInput } from "@/lib/keys/key-fields";
import { listResourceServers } from "@/lib/keys/list-keys";

export const GET = apiRoute(async ({ db, caller }) => {
  authorize(caller, "keys:manage");
  return NextResponse.json({ resourceServers: await listResourceServers(db, caller) });
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "keys:manage");
  const created = await createResourceServer(db, caller, await readJson(request, createResourceServerInput));
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
