import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { restoreAgent, restoreInput } from "@/lib/containment/restore-agent";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:restore");
  const restored = await restoreAgent(db, caller, params.id, await readJson(request, restoreInput));
  return NextResponse.json(restored, { headers: { "cache-control": "no-store" } });
});
