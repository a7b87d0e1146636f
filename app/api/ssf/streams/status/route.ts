// SSF 1.0 §8.1.2 stream status: read (GET ?stream_id=) and update (POST).
import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { streamIdInput, updateStatusInput } from "@/lib/ssf/stream-fields";
import { readStreamStatus, updateStreamStatus } from "@/lib/ssf/stream-status";

export const GET = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "streams:manage");
  const { stream_id } = streamIdInput.parse({ stream_id: request.nextUrl.searchParams.get("stream_id") ?? "" });
  return NextResponse.json(await readStreamStatus(db, caller, stream_id), { headers: { "cache-control": "no-store" } });
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "streams:manage");
  return NextResponse.json(await updateStreamStatus(db, caller, await readJson(request, updateStatusInput)));
});
