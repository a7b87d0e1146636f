// SSF 1.0 §8.1.3 add a subject to a stream (200).
import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { subjectInput } from "@/lib/ssf/stream-fields";
import { changeStreamSubject } from "@/lib/ssf/stream-subjects";

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "streams:manage");
  await changeStreamSubject(db, caller, await readJson(request, subjectInput), "add");
  return new NextResponse(null, { status: 200 });
});
