// Admins: SSF receivers that may create and manage their own streams (credential shown once).
import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createReceiver, createReceiverInput, listReceivers } from "@/lib/ssf/receivers";

export const GET = apiRoute(async ({ db, caller }) => {
  authorize(caller, "keys:manage");
  return NextResponse.json({ receivers: await listReceivers(db, caller) });
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "keys:manage");
  const created = await createReceiver(db, caller, await readJson(request, createReceiverInput));
  return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});
