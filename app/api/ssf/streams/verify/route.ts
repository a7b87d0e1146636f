// SSF 1.0 §8.1.4 verification: the transmitter sends a verification event with the state given.
import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { verifyInput } from "@/lib/ssf/stream-fields";
import { verifyStream } from "@/lib/ssf/verify-stream";

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "streams:manage");
  await verifyStream(db, caller, await readJson(request, verifyInput));
  return new NextResponse(null, { status: 204 });
});
