// What each role may do. Checked inside every lib/ verb, next to the data.
import type { UserRole } from "@/db/schema";
import { forbidden, unauthorized } from "@/lib/errors";
import type { Caller } from "./caller";

export type Permission =
  | "console:read" // see agents, timeline, incidents, audit
  | "agents:act" // register agents, issue and revoke tokens, contain
  | "incidents:act" // declare and run incidents
  | "agents:restore" // bring a contained agent back
  | "users:manage" // people and their roles
  | "keys:manage" // API keys, ingest keys, resource servers, connectors
  | "settings:manage";

const grants: Record<UserRole, ReadonlySet<Permission>> = {
  viewer: new Set(["console:read"]),
  responder: new Set(["console:read", "agents:act", "incidents:act"]),
  admin: new Set([
    "console:read",
    "agents:act",
    "incidents:act",
    "agents:restore",
    "users:manage",
    "keys:manage",
    "settings:manage",
  ]),
};

export function can(caller: Caller | null | undefined, permission: Permission): boolean {
  if (!caller) return false;
  if (caller.type === "system") return true;
  return grants[caller.role].has(permission);
}

/** Throws 401 for no caller and 403 for a caller whose role lacks the permission. */
export function authorize(caller: Caller | null | undefined, permission: Permission): asserts caller is Caller {
  if (!caller) throw unauthorized();
  if (!can(caller, permission)) throw forbidden();
}
