// RFC 8414 metadata: the authorization server for agents (lib/oauth/server-metadata.ts).
import { NextResponse } from "next/server";
import { getDb } from "@/lib/db";
import { serverMetadata } from "@/lib/oauth/server-metadata";

export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json(await serverMetadata(await getDb()), { headers: { "cache-control": "public, max-age=60" } });
}
