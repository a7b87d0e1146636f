// The same metadata under OpenID Connect Discovery's name, which openid-client and
// oauth4webapi try by default.
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { serverMetadata } from "@/lib/oauth/server-metadata";

export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json(await serverMetadata(await getDb()), { headers: { "cache-control": "public, max-age=60" } });
}
