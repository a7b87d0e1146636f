"use server";
import { signOut } from "@/lib/auth/next-auth";
import { getSessionCaller } from "@/lib/auth/session";
import { signOutEverywhere } from "@/lib/auth/sign-out";
import { getDb } from "@/lib/db";

export async function signOutAction(): Promise<void> {
  const caller = await getSessionCaller();
  if (caller) await signOutEverywhere(await getDb(), caller);
  await signOut({ redirectTo: "/sign-in" });
}
