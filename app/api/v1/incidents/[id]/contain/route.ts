import { NextResponse } from "next/server";
import { z } from "zod";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { containIncident } from "@/lib/incidents/contain-incident";

const body = z.strictObject({ reason: z.string().trim().min(3, { message: "Say why (at least 3 characters)." }).max(1000) });

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:act");
  const { reason } = await readJson(request, body);
  return NextResponse.json(await containIncident(db, caller, params.id, reason));
}, { pool: "urgent" });
