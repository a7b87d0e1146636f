import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { revokeReceiver } from "@/lib/ssf/receivers";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "keys:manage");
  return NextResponse.json(await revokeReceiver(db, caller, params.id));
});
