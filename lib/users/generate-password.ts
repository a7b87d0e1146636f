import { randomBytes } from "node:crypto";

/** 144 random bits, URL-safe: for first admins and invited people, shown once. */
export function generatePassword(): string {
  return randomBytes(18).toString("base64url");
}
