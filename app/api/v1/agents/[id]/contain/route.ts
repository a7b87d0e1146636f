import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { containAgent, containInput } from "@/lib/containment/contain-agent";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:act");
  return NextResponse.json(await containAgent(db, caller, params.id, await readJson(request, containInput)));
}, { pool: "urgent" });
