// SSF 1.0 §8.1.3 remove a subject from a stream (204).
import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { subjectInput } from "@/lib/ssf/stream-fields";
import { changeStreamSubject } from "@/lib/ssf/stream-subjects";

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "streams:manage");
  await changeStreamSubject(db, caller, await readJson(request, subjectInput), "remove");
  return new NextResponse(null, { status: 204 });
});
