// SSF 1.0 §8.1.1 stream configuration: create (POST), read (GET), update (PATCH),
// replace (PUT), delete (DELETE ?stream_id=).
import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { createStream } from "@/lib/ssf/create-stream";
import { issuerFor } from "@/lib/ssf/issuer";
import { changeStream, deleteStream, readStreams } from "@/lib/ssf/manage-stream";
import { createStreamInput, replaceStreamInput, streamIdInput, updateStreamInput } from "@/lib/ssf/stream-fields";

const noStore = { "cache-control": "no-store" };

export const GET = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "streams:manage");
  const streamId = request.nextUrl.searchParams.get("stream_id");
  return NextResponse.json(await readStreams(db, caller, streamId, issuerFor(request)), { headers: noStore });
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "streams:manage");
  const created = await createStream(db, caller, await readJson(request, createStreamInput), issuerFor(request));
  return NextResponse.json(created, { status: 201, headers: noStore });
});

export const PATCH = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "streams:manage");
  return NextResponse.json(await changeStream(db, caller, await readJson(request, updateStreamInput), "update", issuerFor(request)), { headers: noStore });
});

export const PUT = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "streams:manage");
  return NextResponse.json(await changeStream(db, caller, await readJson(request, replaceStreamInput), "replace", issuerFor(request)), { headers: noStore });
});

export const DELETE = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "streams:manage");
  const { stream_id } = streamIdInput.parse({ stream_id: request.nextUrl.searchParams.get("stream_id") ?? "" });
  await deleteStream(db, caller, stream_id);
  return new NextResponse(null, { status: 204 });
});
