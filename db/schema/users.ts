// People who use the console: responders, viewers and admins.
import { sql } from "drizzle-orm";
import { integer, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

import { type UserRole, userRoles } from "@/lib/auth/roles";

export { userRoles, type UserRole };
export const userRole = pgEnum("user_role", userRoles);

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    // Stored lower-cased; the unique index below keeps it so.
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: userRole("role").notNull().default("viewer"),
    // argon2id PHC string; null for people who only sign in through OIDC.
    passwordHash: text("password_hash"),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    /**
     * Carried in every session token and checked on each request: bumping it (sign-out,
     * a new password, a role change, disabling) ends every earlier session at once.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    /**
     * Where the role came from: "oidc_groups" when the OIDC group mapping set it (it then
     * follows the person's groups at every sign-in); null when an admin set it by hand.
     */
    roleSource: text("role_source"),
    lastSignInAt: timestamp("last_sign_in_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [uniqueIndex("users_email_key").on(sql`lower(${table.email})`)],
);

export type User = typeof users.$inferSelect;
