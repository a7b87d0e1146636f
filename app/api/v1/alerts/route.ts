import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { alertFilterInput, listAlerts } from "@/lib/alerts/list-alerts";
import { apiRoute } from "@/lib/http/api-route";
import { searchParamsObject } from "@/lib/http/search-params";

export const GET = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await listAlerts(db, caller, alertFilterInput.parse(searchParamsObject(request.nextUrl.searchParams))));
});
