// RFC 8936 poll delivery for one stream: acknowledge, report errors, take more SETs.
import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { pollStream } from "@/lib/ssf/poll-stream";
import { pollInput } from "@/lib/ssf/stream-fields";

export const POST = apiRoute<{ streamId: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "streams:manage");
  const reply = await pollStream(db, caller, params.streamId, await readJson(request, pollInput, 256 * 1024));
  return NextResponse.json(reply, { headers: { "cache-control": "no-store" } });
});
