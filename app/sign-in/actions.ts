"use server";
// Sign-in is the one public server action: it proves who the caller is.
import { AuthError } from "next-auth";
import { signIn } from "@/lib/auth/next-auth";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { getDb } from "@/lib/db";
import { limits } from "@/lib/http/rate-limiter";

export interface SignInState {
  error?: string;
  email?: string;
}

export async function signInWithPassword(_state: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get("email") ?? "").trim();
  const password = String(form.get("password") ?? "");
  if (!email || !password) return { error: "Enter your email and password.", email };
  // The limit itself is enforced in authenticateWithPassword; this only explains it.
  const { signInByEmail } = limits();
  const db = await getDb();
  if (await signInByEmail.blocked(db, email.toLowerCase())) {
    const seconds = await signInByEmail.retryAfter(db, email.toLowerCase());
    return { error: `Too many attempts for this account. Try again in ${Math.ceil(seconds / 60)} min.`, email };
  }
  try {
    await signIn("credentials", { email, password, redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
    return {};
  } catch (error) {
    // Only auth failures become a message; a redirect must propagate to take effect.
    if (error instanceof AuthError) return { error: "That email and password do not match an active account.", email };
    throw error;
  }
}

export async function signInWithOidc(form: FormData): Promise<void> {
  await signIn("oidc", { redirectTo: safeCallbackUrl(form.get("callbackUrl")) });
}
