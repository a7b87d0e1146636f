// Passwords are stored as argon2id PHC strings and nothing else.
import argon2 from "argon2";
import { z } from "zod";

export const MIN_PASSWORD_LENGTH = 12;

export const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, { message: `Passwords have at least ${MIN_PASSWORD_LENGTH} characters.` })
  .max(256, { message: "Passwords have at most 256 characters." });

// Verified against when the email is unknown, so that a miss costs as long as a hit
// and response time does not tell which emails have accounts.
let decoyHash: Promise<string> | undefined;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

export async function verifyPassword(hash: string | null | undefined, password: string): Promise<boolean> {
  if (!hash) {
    decoyHash ??= hashPassword("decoy-password-for-timing");
    await argon2.verify(await decoyHash, password).catch(() => false);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
