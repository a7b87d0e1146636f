import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { getAlert } from "@/lib/alerts/get-alert";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await getAlert(db, caller, params.id));
});
