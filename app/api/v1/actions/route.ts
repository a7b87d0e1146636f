import { NextResponse } from "next/server";
import { z } from "zod";
import { ingestActions, MAX_BATCH } from "@/lib/actions/ingest-actions";
import { listActions } from "@/lib/actions/list-actions";
import { authorize } from "@/lib/auth/authorize";
import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { searchParamsObject } from "@/lib/http/search-params";
import { getReadDb } from "@/lib/db";

// 1,000 actions of a few KB each; a larger body is refused before it is parsed.
const BODY_LIMIT = 8 * 1024 * 1024;
const batch = z.strictObject({ actions: z.array(z.unknown(), { message: "actions is a list." }) });

export const GET = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await listActions(await getReadDb(), caller, searchParamsObject(request.nextUrl.searchParams)));
});

export const POST = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "actions:ingest");
  // Counted while the body is read, so a batch of millions is refused before it is parsed.
  const { actions } = await readJson(request, batch, BODY_LIMIT, { counted: { key: "actions", max: MAX_BATCH, what: "actions" } });
  if (actions.length > MAX_BATCH) {
    throw new AppError(413, "payload_too_large", `A batch holds at most ${MAX_BATCH} actions; send ${actions.length} in several.`);
  }
  return NextResponse.json(await ingestActions(db, caller, actions));
});
