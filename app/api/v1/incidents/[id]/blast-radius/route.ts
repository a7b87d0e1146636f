import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { blastRadius } from "@/lib/incidents/blast-radius";
import { getReadDb } from "@/lib/db";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await blastRadius(await getReadDb(), caller, params.id));
});
