import { NextResponse } from "next/server";
import { getAgent } from "@/lib/agents/get-agent";
import { authorize } from "@/lib/auth/authorize";
import { registerExternalCredentialInput } from "@/lib/credentials/external-credential-fields";
import { listExternalCredentials } from "@/lib/credentials/list-external-credentials";
import { registerExternalCredential } from "@/lib/credentials/register-external-credential";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const GET = apiRoute<{ id: string }>(async ({ db, caller, params }) => {
  authorize(caller, "console:read");
  await getAgent(db, caller, params.id);
  return NextResponse.json({ credentials: await listExternalCredentials(db, caller, params.id) });
});

export const POST = apiRoute<{ id: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:act");
  const input = await readJson(request, registerExternalCredentialInput);
  const credential = await registerExternalCredential(db, caller, params.id, input);
  return NextResponse.json(credential, { status: 201 });
});
