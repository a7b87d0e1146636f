// An admin changes a person's role, name, password or access. The last active
// admin can neither be demoted nor disabled, or nobody could administer the console.
import { and, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Db } from "@/db/client";
import { userRoles, users } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { endSessions } from "@/lib/auth/end-sessions";
import { hashPassword, newPassword } from "@/lib/auth/password";
import { conflict, invalidInput, notFound } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import { type PublicUser, toPublicUser } from "./public-user";

export const updateUserInput = z.strictObject({
  name: z.string().trim().min(1, { message: "Enter a name." }).max(120).optional(),
  role: z.enum(userRoles, { message: "Role must be viewer, responder or admin." }).optional(),
  disabled: z.boolean().optional(),
  password: newPassword.optional(),
});
export type UpdateUserInput = z.infer<typeof updateUserInput>;

// Serializes changes that could remove the last admin.
const ADMIN_CHANGE_LOCK = 724_118_052;

export async function updateUser(db: Db, caller: Caller, userId: string, input: UpdateUserInput): Promise<PublicUser> {
  authorize(caller, "users:manage");
  if (!isUuid(userId)) throw notFound("The person");
  if (Object.keys(input).length === 0) throw invalidInput("Nothing to change.");
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;

  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${ADMIN_CHANGE_LOCK})`);
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!current) throw notFound("The person");

    const losesAdmin =
      current.role === "admin" &&
      current.disabledAt === null &&
      ((input.role !== undefined && input.role !== "admin") || input.disabled === true);
    if (losesAdmin) {
      const [other] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, userId)))
        .limit(1);
      if (!other) throw conflict("At least one active admin must remain.");
    }

    const disabledAt =
      input.disabled === undefined ? current.disabledAt : input.disabled ? (current.disabledAt ?? new Date()) : null;
    const [updated] = await tx
      .update(users)
      .set({
        name: input.name ?? current.name,
        role: input.role ?? current.role,
        disabledAt,
        // An admin's own decision on role or access outranks the group mapping from then on.
        roleSource: input.role !== undefined || input.disabled !== undefined ? null : current.roleSource,
        passwordHash: passwordHash ?? current.passwordHash,
        updatedAt: new Date(),
      })
      .where(eq(users.id, userId))
      .returning();
    if (!updated) throw notFound("The person");
    // A new password, a new role or a disabled account ends the sessions opened before it.
    const endsSessions = Boolean(passwordHash) || updated.role !== current.role || (updated.disabledAt !== null && current.disabledAt === null);
    if (endsSessions) await endSessions(tx, userId);

    const before = toPublicUser(current);
    const after = toPublicUser(updated);
    await recordAuditEntry(tx, caller, {
      action: "user.updated",
      target: { type: "user", id: userId },
      before: { name: before.name, role: before.role, disabled: before.disabled },
      after: { name: after.name, role: after.role, disabled: after.disabled, passwordChanged: Boolean(passwordHash), sessionsEnded: endsSessions },
    });
    return after;
  });
}
