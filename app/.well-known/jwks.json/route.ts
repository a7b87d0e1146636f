// The public keys (ES256 and RS256) that verify Tourniquet's security event tokens.
import { NextResponse } from "next/server";
import { publicSigningJwks } from "@/lib/connectors/signing-key";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  return NextResponse.json({ keys: await publicSigningJwks(await getDb()) }, { headers: { "cache-control": "public, max-age=300" } });
}
