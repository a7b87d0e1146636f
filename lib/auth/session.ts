// The caller behind the current request's session cookie, for pages, server actions
// and route handlers.
import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { getDb } from "@/lib/db";
import { requestOrigin } from "@/lib/http/request-origin";
import { type Permission, can } from "./authorize";
import type { UserCaller } from "./caller";
import { loadUserCaller } from "./load-user-caller";
import { auth } from "./next-auth";

export async function getSessionCaller(): Promise<UserCaller | null> {
  const session = await auth();
  if (!session?.user?.id) return null;
  // A token without a version (null) never matches: it predates session versions.
  return loadUserCaller(await getDb(), session.user.id, requestOrigin(await headers()), session.sessionVersion ?? null);
}

/** For pages: anonymous people go to sign-in, people without the permission get a 403 page. */
export async function requirePageCaller(permission: Permission = "console:read"): Promise<UserCaller> {
  const caller = await getSessionCaller();
  if (!caller) redirect("/sign-in");
  if (!can(caller, permission)) forbidden();
  return caller;
}
