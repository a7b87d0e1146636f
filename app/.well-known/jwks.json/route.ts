// The public key that verifies Tourniquet's CAEP security event tokens.
import { NextResponse } from "next/server";
import { signingKey } from "@/lib/connectors/signing-key";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  const key = await signingKey(await getDb());
  return NextResponse.json({ keys: [key.publicJwk] }, { headers: { "cache-control": "public, max-age=300" } });
}
