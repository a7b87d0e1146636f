// 200 once migrations ran and the database answers; 503 until then, while it cannot be
// reached (within HEALTH_TIMEOUT_MS, never hanging), and while the server is stopping.
// Load balancers and the start script poll it: "Ready" in the log comes before migrations finish.
import { NextResponse } from "next/server";
import { DatabaseUnavailableError } from "@/db/unavailable";
import { checkDatabase } from "@/lib/setup/check-database";
import { getDb } from "@/lib/db";
import { describeForLog } from "@/lib/http/describe-for-log";
import { isStopping } from "@/lib/setup/graceful-stop";

export const dynamic = "force-dynamic";

const HEALTH_TIMEOUT_MS = 800;

function unavailable(message: string) {
  return NextResponse.json(
    { status: "unavailable", error: { code: "database_unavailable", message } },
    { status: 503, headers: { "cache-control": "no-store", "retry-after": "1" } },
  );
}

export async function GET() {
  if (isStopping()) return unavailable("The server is stopping.");
  let timer: NodeJS.Timeout | undefined;
  try {
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseUnavailableError(`no answer within ${HEALTH_TIMEOUT_MS} ms`)), HEALTH_TIMEOUT_MS);
    });
    await Promise.race([getDb().then(checkDatabase), timeout]);
    return NextResponse.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    console.error(`[health] ${describeForLog(error)}`);
    return unavailable("The database is not ready.");
  } finally {
    clearTimeout(timer);
  }
}
