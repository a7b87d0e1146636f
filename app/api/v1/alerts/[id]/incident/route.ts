import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { declareFromAlert, declareFromAlertInput } from "@/lib/alerts/declare-from-alert";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

/** Declares the incident an alert calls for (201), or answers with the one it already has (200). */
export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "incidents:act");
  const { incident, created } = await declareFromAlert(db, caller, params.id, await readJson(request, declareFromAlertInput));
  return NextResponse.json(incident, { status: created ? 201 : 200 });
});
