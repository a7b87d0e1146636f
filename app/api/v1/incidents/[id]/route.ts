import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { getIncident } from "@/lib/incidents/get-incident";
import { updateIncidentInput } from "@/lib/incidents/incident-fields";
import { updateIncident } from "@/lib/incidents/update-incident";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await getIncident(db, caller, params.id));
});

export const PATCH = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "incidents:act");
  return NextResponse.json(await updateIncident(db, caller, params.id, await readJson(request, updateIncidentInput)));
});
