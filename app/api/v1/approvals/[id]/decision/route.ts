import { NextResponse } from "next/server";
import { decideApproval, decisionInput } from "@/lib/approvals/decide-approval";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

/** The owner or a responder answers (the verb checks which); the first answer wins. */
export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await decideApproval(db, caller, params.id, await readJson(request, decisionInput)));
});
