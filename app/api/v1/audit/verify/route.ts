import { NextResponse } from "next/server";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { authorize } from "@/lib/auth/authorize";
import { apiRoute } from "@/lib/http/api-route";

export const GET = apiRoute(async ({ db, caller }) => {
  authorize(caller, "console:read");
  return NextResponse.json(await verifyAuditChain(db));
});
