import { NextResponse } from "next/server";
import { actionFilter } from "@/lib/actions/action-filter";
import { actionHistogram } from "@/lib/actions/action-histogram";
import { authorize } from "@/lib/auth/authorize";
import { invalidInput } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { searchParamsObject } from "@/lib/http/search-params";
import { getReadDb } from "@/lib/db";

export const GET = apiRoute(async ({ db, caller, request }) => {
  authorize(caller, "console:read");
  const params = searchParamsObject(request.nextUrl.searchParams);
  const filter = actionFilter.safeParse(params);
  if (!filter.success) throw invalidInput(filter.error.issues[0]?.message ?? "Invalid filter.");
  const stackBy = params.stackBy === "sensitivity" ? "sensitivity" : "outcome";
  return NextResponse.json(await actionHistogram(await getReadDb(), caller, filter.data, stackBy));
});
