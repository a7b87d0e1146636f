import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { listApprovals } from "@/lib/approvals/list-approvals";
import { requestApproval, requestApprovalInput } from "@/lib/approvals/request-approval";
import { forbidden, unauthorized } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { isUuid } from "@/lib/http/is-uuid";
import { limits } from "@/lib/http/rate-limiter";
import { readJson } from "@/lib/http/read-json";

/** The approvals queue, for the console. */
export const GET = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "console:read");
  const agentId = request.nextUrl.searchParams.get("agentId") ?? undefined;
  const limit = Math.trunc(Number(request.nextUrl.searchParams.get("limit") ?? "50")) || 50;
  return NextResponse.json(await listApprovals(db, caller, { agentId: agentId && isUuid(agentId) ? agentId : undefined, limit }));
});

/** An agent asks, with its own token, before a high-risk action. */
export const POST = apiRoute(async ({ db, caller, request }) => {
  if (!caller) throw unauthorized("Ask with one of the agent's own tokens (Authorization: Bearer tq_at_…).");
  if (caller.type !== "agent") throw forbidden("Approvals are requested by agents, with their own token.");
  const limit = limits().approvalRequests;
  if (!(await limit.take(db, caller.id))) {
    return NextResponse.json(
      { error: { code: "rate_limited", message: "Too many approval requests from this agent; wait and ask again." } },
      { status: 429, headers: { "retry-after": String(await limit.retryAfter(db, caller.id)) } },
    );
  }
  return NextResponse.json(await requestApproval(db, caller, await readJson(request, requestApprovalInput)), { status: 201 });
});
