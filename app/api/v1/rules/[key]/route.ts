import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { notFound } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { listRules } from "@/lib/rules/list-rules";
import { updateRule, updateRuleInput } from "@/lib/rules/update-rule";

export const GET = apiRoute<{ key: string }>(async ({ db, caller, params }) => {
  authorize(caller, "console:read");
  const rule = (await listRules(db, caller)).find((candidate) => candidate.key === params.key);
  if (!rule) throw notFound("The rule");
  return NextResponse.json(rule);
});

export const PATCH = apiRoute<{ key: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "settings:manage");
  return NextResponse.json(await updateRule(db, caller, params.key, await readJson(request, updateRuleInput)));
});
