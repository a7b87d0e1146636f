// What a person may let an agent do for them: at most the agent's own scopes, and for a
// viewer (who may change nothing in the console) only the agent's read scopes.
import type { UserRole } from "@/db/schema";

const isReadScope = (scope: string) => scope.split(":")[1] === "read";

export function delegableScopes(role: UserRole, scopes: string[]): string[] {
  return role === "viewer" ? scopes.filter(isReadScope) : scopes;
}
