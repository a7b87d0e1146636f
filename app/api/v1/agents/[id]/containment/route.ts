import { NextResponse } from "next/server";
import { getAgent } from "@/lib/agents/get-agent";
import { authorize } from "@/lib/auth/authorize";
import { getContainmentStatus } from "@/lib/containment/get-containment-status";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "console:read");
  await getAgent(db, caller, params.id);
  return NextResponse.json(await getContainmentStatus(db, caller, params.id));
});
