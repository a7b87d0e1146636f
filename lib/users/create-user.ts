// An admin adds a person. Without a password one is generated and returned once.
import { z } from "zod";
import type { Db } from "@/db/client";
import { isUniqueViolation } from "@/db/errors";
import { userRoles, users } from "@/db/schema";
import { recordAuditEntry } from "@/lib/audit/record-audit-entry";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { hashPassword, newPassword } from "@/lib/auth/password";
import { conflict } from "@/lib/errors";
import { generatePassword } from "./generate-password";
import { type PublicUser, toPublicUser } from "./public-user";

export const createUserInput = z.strictObject({
  email: z.email({ message: "Enter a valid email address." }).max(254),
  name: z.string().trim().min(1, { message: "Enter a name." }).max(120),
  role: z.enum(userRoles, { message: "Role must be viewer, responder or admin." }),
  password: newPassword.optional(),
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export async function createUser(
  db: Db,
  caller: Caller,
  input: CreateUserInput,
): Promise<{ user: PublicUser; initialPassword?: string }> {
  authorize(caller, "users:manage");
  const initialPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password ?? initialPassword ?? "");
  try {
    const user = await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(users)
        .values({ email: input.email.toLowerCase(), name: input.name, role: input.role, passwordHash })
        .returning();
      if (!row) throw new Error("insert returned no row");
      const created = toPublicUser(row);
      await recordAuditEntry(tx, caller, {
        action: "user.created",
        target: { type: "user", id: row.id },
        after: { email: created.email, name: created.name, role: created.role },
      });
      return created;
    });
    return { user, initialPassword };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`A person with the email ${input.email} already exists.`);
    throw error;
  }
}
