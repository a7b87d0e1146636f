// 200 once migrations ran and the database answers; 503 until then. Load balancers
// and the start script poll it: "Ready" in the log comes before migrations finish.
import { NextResponse } from "next/server";
import { checkDatabase } from "@/lib/setup/check-database";
import { getDb } from "@/lib/db";
import { describeForLog } from "@/lib/http/describe-for-log";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    await checkDatabase(await getDb());
    return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error(`[health] ${describeForLog(error)}`);
    return NextResponse.json(
      { status: "unavailable", error: { code: "database_unavailable", message: "The database is not ready." } },
      { status: 503, headers: { "cache-control": "no-store" } },
    );
  }
}
