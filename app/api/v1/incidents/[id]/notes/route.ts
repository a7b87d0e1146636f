import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { addIncidentNote } from "@/lib/incidents/add-incident-note";
import { noteInput } from "@/lib/incidents/incident-fields";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "incidents:act");
  return NextResponse.json(await addIncidentNote(db, caller, params.id, await readJson(request, noteInput)), { status: 201 });
});
