// Checks an email and password. A success, and a failure on a known account, are
// audited; a failure nobody is identified by goes to the bounded sign-in log. A failure
// never says whether the email exists.
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { RequestOrigin, UserCaller } from "./caller";
import { systemCaller } from "./caller";
import { limits } from "@/lib/http/rate-limiter";
import { verifyPassword } from "./password";
import { recordSignInFailure } from "./record-sign-in-failure";

export const passwordCredentials = z.object({
  email: z.email().max(254),
  password: z.string().min(1).max(256),
});

export async function authenticateWithPassword(
  db: Db,
  credentials: unknown,
  origin: RequestOrigin = {},
): Promise<UserCaller | null> {
  const parsed = passwordCredentials.safeParse(credentials);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();

  // Every attempt counts before the password hash is checked, so concurrent guesses
  // cannot all slip in under the limit; a success clears the account's count.
  const { signInByEmail, signInByAddress } = limits();
  const withinEmail = await signInByEmail.take(db, email);
  const withinAddress = origin.ip ? await signInByAddress.take(db, origin.ip) : true;
  if (!withinEmail || !withinAddress) {
    await recordSignInFailure(db, email, "rate_limited", origin);
    return null;
  }

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
  const valid = await verifyPassword(user?.passwordHash, parsed.data.password);

  if (!user) {
    await recordSignInFailure(db, email, "bad_credentials", origin);
    return null;
  }
  if (!valid || user.disabledAt) {
    // A known account: its owner and admins should see attempts on it in the audit log.
    // At most the per-account limit of them per window reach the chain.
    await db.transaction((tx) =>
      recordAuditEntry(tx, { ...systemCaller("sign-in"), ...origin }, {
        action: "auth.sign_in_failed",
        target: { type: "user", id: user.id },
        after: { reason: !valid ? "bad_credentials" : "disabled" },
      }),
    );
    return null;
  }

  await signInByEmail.reset(db, email); // failures before a success no longer count
  if (origin.ip) await signInByAddress.giveBack(db, origin.ip); // the address limit is for guesses
  const caller: UserCaller = {
    type: "user",
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    ...origin,
  };
  await db.transaction(async (tx) => {
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    await recordAuditEntry(tx, caller, {
      action: "auth.signed_in",
      target: { type: "user", id: user.id },
      after: { method: "password" },
    });
  });
  return caller;
}
