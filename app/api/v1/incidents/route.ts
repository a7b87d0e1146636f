import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { searchParamsObject } from "@/lib/http/search-params";
import { declareIncident } from "@/lib/incidents/declare-incident";
import { declareIncidentInput } from "@/lib/incidents/incident-fields";
import { listIncidents } from "@/lib/incidents/list-incidents";

export const GET = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await listIncidents(db, caller, searchParamsObject(request.nextUrl.searchParams)));
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "incidents:act");
  return NextResponse.json(await declareIncident(db, caller, await readJson(request, declareIncidentInput)), { status: 201 });
});
