// Bulk containment: { reason, owner | team | agentIds | all: true (admins, with confirm) }.
import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { containAgents, containManyInput } from "@/lib/containment/contain-agents";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "agents:act");
  return NextResponse.json(await containAgents(db, caller, await readJson(request, containManyInput)));
}, { pool: "urgent" });
