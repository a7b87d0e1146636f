import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { markExternalCredentialRevoked } from "@/lib/credentials/mark-external-credential-revoked";
import { revokeTokenInput } from "@/lib/credentials/revoke-agent-token";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";

export const POST = apiRoute<{ id: string; credentialId: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:act");
  const input = await readJson(request, revokeTokenInput);
  return NextResponse.json(await markExternalCredentialRevoked(db, caller, params.id, params.credentialId, input));
});
