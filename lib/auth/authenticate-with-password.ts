// Checks an email and password. Success and failure are both audited; a failure
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

  // Too many failures for this account or from this address: refuse without even
  // checking the password, so guessing gains nothing. Audited like any refusal.
  const { signInByEmail, signInByAddress } = limits();
  if (signInByEmail.blocked(email) || (origin.ip && signInByAddress.blocked(origin.ip))) {
    await db.transaction((tx) =>
      recordAuditEntry(tx, { ...systemCaller("sign-in"), ...origin }, { action: "auth.sign_in_failed", after: { email, reason: "rate_limited" } }),
    );
    return null;
  }

  const [user] = await db.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
  const valid = await verifyPassword(user?.passwordHash, parsed.data.password);

  if (!user || !valid || user.disabledAt) {
    signInByEmail.take(email);
    if (origin.ip) signInByAddress.take(origin.ip);
    await db.transaction((tx) =>
      recordAuditEntry(tx, { ...systemCaller("sign-in"), ...origin }, {
        action: "auth.sign_in_failed",
        target: user ? { type: "user", id: user.id } : undefined,
        after: { email, reason: !user || !valid ? "bad_credentials" : "disabled" },
      }),
    );
    return null;
  }

  signInByEmail.reset(email); // failures before a success no longer count
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
