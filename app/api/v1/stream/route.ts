// Server-Sent Events: every action stored from now on, as it commits, as
// `event: actions` with a JSON array and an `id` (send it back as Last-Event-ID to
// resume); `event: change` with `{ topic, id }` when an alert, an approval or a rule
// changes (`?actions=0` for changes only, which is what the console shell listens to).
// See lib/live/live-stream.ts for catch-up, reload and slow readers.
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { openLiveStream } from "@/lib/live/live-stream";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "console:read");
  const stream = openLiveStream({
    db,
    caller,
    signal: request.signal,
    actions: request.nextUrl.searchParams.get("actions") !== "0",
    // EventSource sends the header on its own reconnects; a page that opens a new one passes the query.
    lastEventId: request.headers.get("last-event-id") ?? request.nextUrl.searchParams.get("lastEventId"),
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});
