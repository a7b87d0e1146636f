import { NextResponse } from "next/server";
import { getApproval } from "@/lib/approvals/get-approval";
import { apiRoute } from "@/lib/http/api-route";
import { subscribeToChanges } from "@/lib/live/change-hub";
import { holdLiveConnection } from "@/lib/live/live-connections";

export const dynamic = "force-dynamic";

/** `?wait=N` (seconds, at most 30) holds a pending request open until it is answered or expires. */
export const GET = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  const requested = Number(request.nextUrl.searchParams.get("wait") ?? "0");
  const waitSeconds = Number.isFinite(requested) ? requested : 0;
  // A waiting request counts against the caller's live connections, like a stream.
  const abort = new AbortController();
  const release = waitSeconds > 0 && caller ? holdLiveConnection(caller, () => abort.abort()) : () => {};
  try {
    const approval = await getApproval(db, caller, params.id, {
      waitSeconds,
      subscribe: subscribeToChanges,
      signal: AbortSignal.any([request.signal, abort.signal]),
    });
    return NextResponse.json(approval, { headers: { "cache-control": "no-store" } });
  } finally {
    release();
  }
});
