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
  | "settings:manage"
  | "tokens:check" // introspect and revoke agent tokens by value (resource servers)
  | "actions:ingest" // append actions (ingest keys)
  | "streams:manage" // SSF streams (admins, and SSF receivers for their own streams)
  | "approvals:decide"; // approve or deny an agent's request (an agent's owner may too)

const grants: Record<UserRole, ReadonlySet<Permission>> = {
  viewer: new Set(["console:read"]),
  responder: new Set(["console:read", "agents:act", "incidents:act", "approvals:decide"]),
  admin: new Set([
    "console:read",
    "agents:act",
    "incidents:act",
    "approvals:decide",
    "agents:restore",
    "users:manage",
    "keys:manage",
    "settings:manage",
    "streams:manage",
  ]),
};

export function can(caller: Caller | null | undefined, permission: Permission): boolean {
  if (!caller) return false;
  switch (caller.type) {
    case "system":
      return true;
    case "user":
    case "api_key":
      return grants[caller.role].has(permission);
    // Resource servers only check tokens; agents speak only for themselves through
    // their own endpoints. Neither holds any of the console's permissions.
    case "resource_server":
      return permission === "tokens:check";
    case "ingest_key":
      return permission === "actions:ingest";
    case "agent":
      return false;
    case "ssf_receiver":
      return permission === "streams:manage";
    // A rule's circuit breaker contains and declares, exactly like a responder.
    case "rule":
      return permission === "console:read" || permission === "agents:act" || permission === "incidents:act";
  }
}

/** Throws 401 for no caller and 403 for a caller whose role lacks the permission. */
export function authorize(caller: Caller | null | undefined, permission: Permission): asserts caller is Caller {
  if (!caller) throw unauthorized();
  if (!can(caller, permission)) throw forbidden();
}
