import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { acknowledgeAlert } from "@/lib/alerts/acknowledge-alert";
import { apiRoute } from "@/lib/http/api-route";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "incidents:act");
  return NextResponse.json(await acknowledgeAlert(db, caller, params.id));
});
