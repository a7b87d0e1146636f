import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { pinInput } from "@/lib/incidents/incident-fields";
import { pinEvidence } from "@/lib/incidents/pin-evidence";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "incidents:act");
  await pinEvidence(db, caller, params.id, await readJson(request, pinInput));
  return NextResponse.json({ ok: true });
});
