// Server-Sent Events: every action stored from now on, as it commits, as
// `event: actions` with a JSON array; and `event: change` with `{ topic, id }` when an
// alert, an approval or a rule changes (`?actions=0` for changes only, which is what
// the console shell listens to). A comment every 15 s keeps proxies from closing it.
import { authorize } from "@/lib/auth/authorize";
import { stillPermitted } from "@/lib/auth/recheck-caller";
import { apiRoute } from "@/lib/http/api-route";
import { subscribeToActions } from "@/lib/live/action-hub";
import { subscribeToChanges } from "@/lib/live/change-hub";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

export const GET = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "console:read");
  const encoder = new TextEncoder();
  let cleanup = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      // Cleanup exists before the first await: a stream closed (or a subscription that
      // failed) while subscribing leaves nothing behind.
      let stopActions = () => {};
      let stopChanges = () => {};
      cleanup = () => {
        stopActions();
        stopChanges();
      };
      try {
        if (request.nextUrl.searchParams.get("actions") !== "0") {
          stopActions = await subscribeToActions((batch) => send(`event: actions\ndata: ${JSON.stringify(batch)}\n\n`));
        }
        stopChanges = await subscribeToChanges((change) => send(`event: change\ndata: ${JSON.stringify(change)}\n\n`));
      } catch (error) {
        cleanup();
        controller.error(error);
        return;
      }
      if (request.signal.aborted) {
        cleanup();
        return;
      }
      const unsubscribe = cleanup;
      // Each heartbeat re-checks the caller: a disabled person or revoked key is cut off.
      const heartbeat = setInterval(() => {
        void stillPermitted(db, caller, "console:read").then((allowed) => {
          if (allowed) return send(": keep-alive\n\n");
          send("event: revoked\ndata: {}\n\n");
          cleanup();
          try {
            controller.close();
          } catch {
            // already closed
          }
        });
      }, HEARTBEAT_MS);
      cleanup = () => {
        clearInterval(heartbeat);
        unsubscribe();
      };
      request.signal.addEventListener("abort", () => {
        cleanup();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      send("retry: 3000\nevent: ready\ndata: {}\n\n");
    },
    cancel() {
      cleanup();
    },
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
