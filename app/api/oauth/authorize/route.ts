// The consent page's answer (components/oauth/consent-form.tsx): the browser follows the
// returned redirect itself, since the console's CSP allows forms to post only to itself.
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { decideAuthorization, decideAuthorizationInput } from "@/lib/oauth/decide-authorization";
import { unauthorized } from "@/lib/errors";

export const POST = apiRoute(async ({ db, caller, request }) => {
  if (caller?.type !== "user") throw unauthorized("Sign in to the console to answer an authorization request.");
  const decided = await decideAuthorization(db, caller, await readJson(request, decideAuthorizationInput));
  return NextResponse.json(decided, { headers: { "cache-control": "no-store" } });
});
