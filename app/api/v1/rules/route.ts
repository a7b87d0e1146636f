import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { listRules } from "@/lib/rules/list-rules";
import { authorize } from "@/lib/auth/authorize";

export const GET = apiRoute(async ({ db, caller }) => {
  authorize(caller, "console:read");
  return NextResponse.json({ rules: await listRules(db, caller) });
});
