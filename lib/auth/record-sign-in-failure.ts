// A failed sign-in nobody was identified by (an unknown email, a limited attempt) goes
// to a bounded log, not the audit chain: the chain is for changes people, keys and rules
// make, and must not grow by whatever text anyone on the internet sends.
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { signInFailures } from "@/db/schema";
import type { RequestOrigin } from "./caller";

/** How many failures the log keeps; older ones are dropped as new ones arrive. */
export const SIGN_IN_FAILURES_KEPT = 10_000;

export async function recordSignInFailure(db: Queryable, email: string, reason: string, origin: RequestOrigin): Promise<void> {
  await db.insert(signInFailures).values({
    email: email.slice(0, 254),
    reason,
    ip: origin.ip ?? null,
    userAgent: origin.userAgent?.slice(0, 256) ?? null,
  });
  // An index range on the primary key: usually deletes nothing.
  await db.execute(sql`delete from ${signInFailures} where ${signInFailures.id} <= (select max(${signInFailures.id}) - ${SIGN_IN_FAILURES_KEPT} from ${signInFailures})`);
}
