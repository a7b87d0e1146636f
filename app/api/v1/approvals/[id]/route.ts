import { NextResponse } from "next/server";
import { getApproval } from "@/lib/approvals/get-approval";
import { apiRoute } from "@/lib/http/api-route";
import { subscribeToChanges } from "@/lib/live/change-hub";

export const dynamic = "force-dynamic";

/** `?wait=N` (seconds, at most 30) holds a pending request open until it is answered or expires. */
export const GET = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  const waitSeconds = Number(request.nextUrl.searchParams.get("wait") ?? "0");
  const approval = await getApproval(db, caller, params.id, {
    waitSeconds: Number.isFinite(waitSeconds) ? waitSeconds : 0,
    subscribe: subscribeToChanges,
    signal: request.signal,
  });
  return NextResponse.json(approval, { headers: { "cache-control": "no-store" } });
});
