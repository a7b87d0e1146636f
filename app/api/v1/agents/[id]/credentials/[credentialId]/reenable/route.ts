// Admins: a restored agent's PostgreSQL role logs in again, with a new password shown once.
import { NextResponse } from "next/server";
import { authorize } from "@/lib/auth/authorize";
import { revokeTokenInput } from "@/lib/credentials/revoke-agent-token";
import { apiRoute } from "@/lib/http/api-route";
import { readJson } from "@/lib/http/read-json";
import { reenablePostgresRole } from "@/lib/revocation/reenable-postgres-role";

export const POST = apiRoute<{ id: string; credentialId: string }>(async ({ db, caller, request, params }) => {
  authorize(caller, "agents:restore");
  const input = await readJson(request, revokeTokenInput);
  return NextResponse.json(await reenablePostgresRole(db, caller, params.id, params.credentialId, input), { headers: { "cache-control": "no-store" } });
});
