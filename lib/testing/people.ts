// Test fixtures: people of each role, created through the same verbs as production.
import type { Db } from "@/db/client";
import type { UserRole } from "@/lib/auth/roles";
import { systemCaller, type UserCaller } from "@/lib/auth/caller";
import { createUser } from "@/lib/users/create-user";

let counter = 0;

export async function createPerson(db: Db, role: UserRole, password = "correct horse battery"): Promise<UserCaller> {
  counter += 1;
  const email = `${role}-${counter}-${Date.now()}@example.test`;
  const { user } = await createUser(db, systemCaller("test"), { email, name: `${role} ${counter}`, role, password });
  return { type: "user", id: user.id, email: user.email, name: user.name, role: user.role };
}
