import { NextResponse } from "next/server";
import { approvalRequirements } from "@/lib/approvals/approval-requirements";
import { apiRoute } from "@/lib/http/api-route";

/** What needs approval now: agents and gateways read this to know when to ask. */
export const GET = apiRoute(async ({ db, caller }) => NextResponse.json({ requirements: await approvalRequirements(db, caller) }));
