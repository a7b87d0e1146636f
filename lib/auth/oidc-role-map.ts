// The provider's groups decide a person's role: AUTH_OIDC_ROLE_MAP names which group
// gives which role, and the highest role among a person's groups wins.
import { type UserRole, userRoles } from "./roles";

export interface RoleMapping {
  group: string;
  role: UserRole;
}

/** Parses `tq-admins=admin,secops=responder`; throws with a message naming the bad entry. */
export function parseRoleMap(value: string): RoleMapping[] {
  const mappings: RoleMapping[] = [];
  for (const entry of value.split(",").map((part) => part.trim()).filter(Boolean)) {
    const at = entry.lastIndexOf("=");
    const group = at > 0 ? entry.slice(0, at).trim() : "";
    const role = at > 0 ? entry.slice(at + 1).trim() : "";
    if (!group || !role) throw new Error(`"${entry}" is not group=role`);
    if (!(userRoles as readonly string[]).includes(role)) throw new Error(`"${entry}": role must be viewer, responder or admin`);
    if (mappings.some((mapping) => mapping.group === group)) throw new Error(`group "${group}" is mapped twice`);
    mappings.push({ group, role: role as UserRole });
  }
  return mappings;
}

/** The group claim as a list of names: providers send an array, a few a single string. */
export function groupsFromClaim(claim: unknown): string[] | undefined {
  if (typeof claim === "string") return claim ? [claim] : [];
  if (Array.isArray(claim)) return claim.filter((group): group is string => typeof group === "string");
  return undefined;
}

/** The mapping that wins for these groups (the highest role), or null when none maps. */
export function mappingForGroups(groups: readonly string[], roleMap: readonly RoleMapping[]): RoleMapping | null {
  let best: RoleMapping | null = null;
  for (const mapping of roleMap) {
    if (!groups.includes(mapping.group)) continue;
    if (!best || userRoles.indexOf(mapping.role) > userRoles.indexOf(best.role)) best = mapping;
  }
  return best;
}

/** Is the person in one of the allowed groups (an empty list allows everyone)? */
export function groupAllowed(groups: readonly string[], allowedGroups: readonly string[]): boolean {
  return allowedGroups.length === 0 || groups.some((group) => allowedGroups.includes(group));
}
