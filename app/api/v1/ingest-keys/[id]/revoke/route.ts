import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { revokeKey } from "@/lib/keys/revoke-key";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "keys:manage");
  await revokeKey(db, caller, "ingest_key", params.id);
  return NextResponse.json({ id: params.id, revoked: true });
});
