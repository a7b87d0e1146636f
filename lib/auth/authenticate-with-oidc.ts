// A person signed in at the organisation's identity provider. Known emails sign in
// with the role an admin gave them; unknown ones get AUTH_OIDC_DEFAULT_ROLE, or are
// refused when it is "none" (the default). Emails outside AUTH_OIDC_ALLOWED_DOMAINS
// are refused whoever they are. A refusal says why (lib/auth/oidc-refusal.ts).
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { type UserRole, users } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { RequestOrigin, UserCaller } from "./caller";
import { systemCaller } from "./caller";
import { emailDomainAllowed, type OidcRefusal } from "./oidc-refusal";

export type OidcSignIn = { caller: UserCaller } | { refused: OidcRefusal };

export interface OidcProfile {
  email: string;
  name?: string | null;
  emailVerified?: boolean;
  /** The operator vouches for the provider's emails even without email_verified. */
  trustUnverified?: boolean;
}

export interface OidcPolicy {
  defaultRole: UserRole | "none";
  allowedDomains?: readonly string[];
}

export async function authenticateWithOidc(
  db: Db,
  profile: OidcProfile,
  policy: OidcPolicy,
  origin: RequestOrigin = {},
): Promise<OidcSignIn> {
  const { defaultRole, allowedDomains = [] } = policy;
  const email = profile.email.trim().toLowerCase();
  if (!email) return { refused: "email_missing" };
  // An email the provider has not verified could be anyone's, including an admin's:
  // never link an account on it.
  if (profile.emailVerified === false) return { refused: "email_unverified" };
  if (profile.emailVerified !== true && !profile.trustUnverified) return { refused: "email_unverified" };
  if (!emailDomainAllowed(email, allowedDomains)) {
    await db.transaction((tx) =>
      recordAuditEntry(tx, { ...systemCaller("sign-in"), ...origin }, {
        action: "auth.sign_in_failed",
        after: { email, reason: "domain_not_allowed", method: "oidc" },
      }),
    );
    return { refused: "domain_not_allowed" };
  }

  return db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
    if (!user && defaultRole !== "none") {
      try {
        [user] = await tx
          .insert(users)
          .values({ email, name: profile.name?.trim() || email, role: defaultRole })
          .returning();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { refused: "retry" }; // a parallel first sign-in created it; the next attempt succeeds
      }
      if (user) {
        await recordAuditEntry(tx, { ...systemCaller("oidc"), ...origin }, {
          action: "user.created",
          target: { type: "user", id: user.id },
          after: { email, role: defaultRole, via: "oidc" },
        });
      }
    }
    if (!user || user.disabledAt) {
      const reason = user ? "disabled" : "not_provisioned";
      await recordAuditEntry(tx, { ...systemCaller("sign-in"), ...origin }, {
        action: "auth.sign_in_failed",
        after: { email, reason, method: "oidc" },
      });
      return { refused: reason };
    }
    await tx.update(users).set({ lastSignInAt: new Date() }).where(eq(users.id, user.id));
    const caller: UserCaller = { type: "user", id: user.id, email: user.email, name: user.name, role: user.role, ...origin };
    await recordAuditEntry(tx, caller, {
      action: "auth.signed_in",
      target: { type: "user", id: user.id },
      after: { method: "oidc" },
    });
    return { caller };
  });
}
