import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { unauthorized } from "@/lib/errors";
import { listDelegations } from "@/lib/oauth/list-delegations";

export const GET = apiRoute(async ({ db, caller }) => {
  if (!caller) throw unauthorized();
  return NextResponse.json({ delegations: await listDelegations(db, caller) });
});
