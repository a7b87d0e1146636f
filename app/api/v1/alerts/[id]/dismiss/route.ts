import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { dismissAlert, dismissInput } from "@/lib/alerts/dismiss-alert";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "incidents:act");
  return NextResponse.json(await dismissAlert(db, caller, params.id, await readJson(request, dismissInput)));
});
