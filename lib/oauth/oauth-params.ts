// Shared checks of OAuth request parameters: a single value each (RFC 6749 §3.1), scopes
// as a space-separated list of the agent's scope words, and RFC 8707 resources.
import { SCOPE_PATTERN } from "@/lib/agents/vocabulary";
import { scopeCovers } from "@/lib/credentials/scope-covers";
import { OAuthError } from "./oauth-error";

export const MAX_PARAM_LENGTH = 2048;

export function single(form: URLSearchParams, name: string): string | null {
  const values = form.getAll(name);
  if (values.length > 1) throw new OAuthError("invalid_request", `${name} may be sent only once.`);
  const value = values[0];
  if (value === undefined || value === "") return null;
  if (value.length > MAX_PARAM_LENGTH) throw new OAuthError("invalid_request", `${name} is too long.`);
  return value;
}

export function required(form: URLSearchParams, name: string): string {
  const value = single(form, name);
  if (!value) throw new OAuthError("invalid_request", `${name} is required.`);
  return value;
}

/** The scopes asked, each one the agent holds; none asked means all of the agent's. */
export function grantedScopes(asked: string | null, agentScopes: string[], agentName: string): string[] {
  if (!asked) return agentScopes;
  const scopes = [...new Set(asked.split(" ").filter(Boolean))];
  const malformed = scopes.find((scope) => !SCOPE_PATTERN.test(scope));
  if (malformed) throw new OAuthError("invalid_scope", `"${malformed.slice(0, 64)}" is not a scope.`);
  const outside = scopes.filter((scope) => !agentScopes.some((granted) => scopeCovers(granted, scope)));
  if (outside.length) throw new OAuthError("invalid_scope", `${agentName} does not hold ${outside.join(", ")}.`);
  return scopes;
}

/** RFC 8707 §2: one absolute URI without a fragment; Tourniquet binds a token to one resource. */
export function resourceIndicator(form: URLSearchParams): string | null {
  const values = form.getAll("resource");
  if (values.length > 1) throw new OAuthError("invalid_target", "Ask for one resource per token.");
  const value = values[0];
  if (!value) return null;
  if (value.length > MAX_PARAM_LENGTH) throw new OAuthError("invalid_target", "The resource is too long.");
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new OAuthError("invalid_target", "The resource must be an absolute URI.");
  }
  if (url.hash || value.includes("#")) throw new OAuthError("invalid_target", "The resource must not have a fragment.");
  return value;
}
