// What a SCIM PatchOp says about `active`, in every form the big providers send it:
// RFC 7644 `{"op":"replace","path":"active","value":false}`, Okta's pathless
// `{"op":"replace","value":{"active":false}}`, and Entra ID's capitalised op and string
// booleans (`"Replace"`, `"False"`). Anything else about `active` is an error, so a
// disable is never silently ignored.
import { ScimError } from "./scim-error";

export const PATCH_OP_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

function booleanOf(value: unknown): boolean {
  if (typeof value === "boolean") return value;
  if (typeof value === "string" && /^(true|false)$/i.test(value)) return value.toLowerCase() === "true";
  throw new ScimError(400, "active must be true or false.", "invalidValue");
}

/** The `active` value the PatchOp body sets last, or undefined when it does not touch it. */
export function activeFromPatch(body: unknown): boolean | undefined {
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new ScimError(400, "The body must be a PatchOp object.", "invalidSyntax");
  const { schemas, Operations } = body as { schemas?: unknown; Operations?: unknown };
  if (!Array.isArray(schemas) || !schemas.includes(PATCH_OP_SCHEMA)) throw new ScimError(400, `schemas must include ${PATCH_OP_SCHEMA}.`, "invalidSyntax");
  if (!Array.isArray(Operations) || Operations.length === 0) throw new ScimError(400, "Operations must be a non-empty list.", "invalidSyntax");
  let active: boolean | undefined;
  for (const operation of Operations as unknown[]) {
    if (typeof operation !== "object" || operation === null) throw new ScimError(400, "Each operation must be an object.", "invalidSyntax");
    const { op, path, value } = operation as { op?: unknown; path?: unknown; value?: unknown };
    const verb = typeof op === "string" ? op.toLowerCase() : "";
    if (!["add", "replace", "remove"].includes(verb)) throw new ScimError(400, "op must be add, replace or remove.", "invalidSyntax");
    if (path === undefined) {
      if (verb === "remove") throw new ScimError(400, "remove needs a path.", "noTarget");
      if (typeof value !== "object" || value === null || Array.isArray(value)) throw new ScimError(400, "A pathless operation needs an object value.", "invalidValue");
      if (Object.hasOwn(value, "active")) active = booleanOf((value as { active: unknown }).active);
    } else if (typeof path === "string" && path.toLowerCase() === "active") {
      if (verb === "remove") throw new ScimError(400, "active cannot be removed.", "mutability");
      active = booleanOf(value);
    } else if (typeof path !== "string") {
      throw new ScimError(400, "path must be a string.", "invalidPath");
    }
  }
  return active;
}
