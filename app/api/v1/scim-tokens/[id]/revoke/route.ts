import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { revokeScimToken } from "@/lib/scim/revoke-scim-token";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "keys:manage");
  await revokeScimToken(db, caller, params.id);
  return NextResponse.json({ id: params.id, revoked: true });
});
