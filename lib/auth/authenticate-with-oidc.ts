// A person signed in at the organisation's identity provider. Known emails sign in
// with the role an admin gave them; unknown ones get AUTH_OIDC_DEFAULT_ROLE, or are
// refused when it is "none" (the default). Emails outside AUTH_OIDC_ALLOWED_DOMAINS
// are refused whoever they are. A refusal says why (lib/auth/oidc-refusal.ts).
// With AUTH_OIDC_ROLE_MAP the provider's groups set the role at every sign-in; a person
// whose role came from the mapping and who is in no mapped group any more is disabled.
// A role an admin set by hand (role_source null) stays unless a mapped group applies.
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { type UserRole, users } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import type { RequestOrigin, UserCaller } from "./caller";
import { systemCaller } from "./caller";
import { endSessions } from "./end-sessions";
import { emailDomainAllowed, type OidcRefusal } from "./oidc-refusal";
import { groupAllowed, mappingForGroups, type RoleMapping } from "./oidc-role-map";

/** The actor of every change the group mapping makes. */
export const GROUP_MAPPING_ACTOR = "oidc-group-mapping";
const GROUP_SOURCE = "oidc_groups";

export type OidcSignIn = { caller: UserCaller } | { refused: OidcRefusal };

export interface OidcProfile {
  email: string;
  name?: string | null;
  emailVerified?: boolean;
  /** The operator vouches for the provider's emails even without email_verified. */
  trustUnverified?: boolean;
  /** The groups claim; undefined when the provider sent none. */
  groups?: readonly string[];
}

export interface OidcPolicy {
  defaultRole: UserRole | "none";
  allowedDomains?: readonly string[];
  roleMap?: readonly RoleMapping[];
  allowedGroups?: readonly string[];
}

export async function authenticateWithOidc(
  db: Db,
  profile: OidcProfile,
  policy: OidcPolicy,
  origin: RequestOrigin = {},
): Promise<OidcSignIn> {
  const { defaultRole, allowedDomains = [], roleMap = [], allowedGroups = [] } = policy;
  const groups = profile.groups ?? [];
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
  if (!groupAllowed(groups, allowedGroups)) {
    await db.transaction((tx) =>
      recordAuditEntry(tx, { ...systemCaller("sign-in"), ...origin }, {
        action: "auth.sign_in_failed",
        after: { email, reason: "group_not_allowed", method: "oidc", groups: groups.slice(0, 50) },
      }),
    );
    return { refused: "group_not_allowed" };
  }
  const mapping = roleMap.length > 0 ? mappingForGroups(groups, roleMap) : null;
  const mappingActor = { ...systemCaller(GROUP_MAPPING_ACTOR), ...origin };

  return db.transaction(async (tx) => {
    let [user] = await tx.select().from(users).where(eq(sql`lower(${users.email})`, email)).for("update").limit(1);
    const firstRole = mapping?.role ?? (defaultRole === "none" ? null : defaultRole);
    if (!user && firstRole) {
      try {
        [user] = await tx
          .insert(users)
          .values({ email, name: profile.name?.trim() || email, role: firstRole, roleSource: mapping ? GROUP_SOURCE : null })
          .returning();
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        return { refused: "retry" }; // a parallel first sign-in created it; the next attempt succeeds
      }
      if (user) {
        await recordAuditEntry(tx, mapping ? mappingActor : { ...systemCaller("oidc"), ...origin }, {
          action: "user.created",
          target: { type: "user", id: user.id },
          after: { email, role: firstRole, via: "oidc", ...(mapping && { mapping: `${mapping.group}=${mapping.role}` }) },
        });
      }
    } else if (user && mapping && (user.role !== mapping.role || user.roleSource !== GROUP_SOURCE || (user.disabledAt && user.roleSource === GROUP_SOURCE))) {
      // A mapped group sets the role. A person the mapping disabled earlier is let back
      // in; one an admin disabled by hand (role_source null) stays disabled.
      const enable = user.disabledAt !== null && user.roleSource === GROUP_SOURCE;
      const disabledAt = enable ? null : user.disabledAt;
      const [updated] = await tx
        .update(users)
        .set({ role: mapping.role, roleSource: GROUP_SOURCE, disabledAt, updatedAt: new Date() })
        .where(eq(users.id, user.id))
        .returning();
      if (user.role !== mapping.role) await endSessions(tx, user.id);
      await recordAuditEntry(tx, mappingActor, {
        action: "user.updated",
        target: { type: "user", id: user.id },
        before: { role: user.role, disabled: user.disabledAt !== null },
        after: { role: mapping.role, disabled: disabledAt !== null, mapping: `${mapping.group}=${mapping.role}`, groups: groups.slice(0, 50) },
      });
      user = updated ?? user;
    } else if (user && !mapping && user.roleSource === GROUP_SOURCE && roleMap.length > 0) {
      // The role came from a group the person has left: no access until a mapped group
      // (or an admin) gives it back.
      if (!user.disabledAt) {
        await tx.update(users).set({ disabledAt: new Date(), updatedAt: new Date() }).where(eq(users.id, user.id));
        await endSessions(tx, user.id);
        await recordAuditEntry(tx, mappingActor, {
          action: "user.updated",
          target: { type: "user", id: user.id },
          before: { role: user.role, disabled: false },
          after: { role: user.role, disabled: true, mapping: "no mapped group", groups: groups.slice(0, 50), sessionsEnded: true },
        });
      }
      await recordAuditEntry(tx, { ...systemCaller("sign-in"), ...origin }, {
        action: "auth.sign_in_failed",
        after: { email, reason: "no_mapped_group", method: "oidc" },
      });
      return { refused: "no_mapped_group" as const };
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
