import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { revokeDelegation, revokeDelegationInput } from "@/lib/oauth/revoke-delegation";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await revokeDelegation(db, caller, params.id, await readJson(request, revokeDelegationInput)));
});
