import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { unauthorized } from "@/lib/errors";
import { revokeDelegation, revokeDelegationInput } from "@/lib/oauth/revoke-delegation";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  if (!caller) throw unauthorized();
  return NextResponse.json(await revokeDelegation(db, caller, params.id, await readJson(request, revokeDelegationInput)));
});
