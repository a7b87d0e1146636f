// On first start, with no admin yet, create one: from TOURNIQUET_ADMIN_EMAIL and
// TOURNIQUET_ADMIN_PASSWORD when set, otherwise with a generated password that the
// caller prints once. Safe to run from several replicas at once.
import { eq, sql } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { users } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { systemCaller } from "@/lib/auth/caller";
import { hashPassword } from "@/lib/auth/password";
import { generatePassword } from "./generate-password";

export const DEFAULT_ADMIN_EMAIL = "admin@tourniquet.local";

export interface FirstAdmin {
  email: string;
  /** Set only when Tourniquet generated it: print it once, store it nowhere. */
  generatedPassword?: string;
}

/** Runs inside the installation transaction, which holds the setup lock. */
export async function createFirstAdmin(
  tx: Tx,
  options: { email?: string; password?: string },
): Promise<FirstAdmin | null> {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.role, "admin")).limit(1);
  if (existing) return null;

  const email = (options.email ?? DEFAULT_ADMIN_EMAIL).toLowerCase();
  const generatedPassword = options.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(options.password ?? generatedPassword ?? "");

  // The email may already belong to a demo or invited person: promote them.
  const [person] = await tx.select({ id: users.id }).from(users).where(eq(sql`lower(${users.email})`, email)).limit(1);
  const [admin] = person
    ? await tx
        .update(users)
        .set({ role: "admin", passwordHash, disabledAt: null, updatedAt: new Date() })
        .where(eq(users.id, person.id))
        .returning()
    : await tx.insert(users).values({ email, name: "Administrator", role: "admin", passwordHash }).returning();
  if (!admin) throw new Error("creating the first admin returned no row");
  await recordAuditEntry(tx, systemCaller("first-start"), {
    action: "user.created",
    target: { type: "user", id: admin.id },
    after: { email, role: "admin", passwordSource: generatedPassword ? "generated" : "environment" },
  });
  return { email, generatedPassword };
}
