// Who is asking. Every lib/ verb takes the caller and decides on its own whether
// the caller may do what it asks; the proxy's cookie check is only a convenience.
import type { UserRole } from "@/db/schema";

/** Where a request came from, kept in audit entries. */
export interface RequestOrigin {
  ip?: string | null;
  userAgent?: string | null;
}

export interface UserCaller extends RequestOrigin {
  type: "user";
  id: string;
  email: string;
  name: string;
  role: UserRole;
}

/** Tourniquet itself: first start, demo data, migrations. Never reaches a route. */
export interface SystemCaller extends RequestOrigin {
  type: "system";
  label: string;
}

export type Caller = UserCaller | SystemCaller;

export const systemCaller = (label: string): SystemCaller => ({ type: "system", label });

export function callerLabel(caller: Caller): string {
  return caller.type === "user" ? caller.email : `system:${caller.label}`;
}
