// Where SSF receivers onboard: everything else is discovered from here.
import { NextResponse } from "next/server";
import { issuerFor } from "@/lib/ssf/issuer";
import { transmitterConfiguration } from "@/lib/ssf/transmitter-configuration";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return NextResponse.json(transmitterConfiguration(issuerFor(request)), { headers: { "cache-control": "public, max-age=300" } });
}
