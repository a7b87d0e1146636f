import { describe, expect, it } from "vitest";
import { activeFromPatch, PATCH_OP_SCHEMA } from "./patch-active";
import { ScimError } from "./scim-error";

const patch = (...Operations: unknown[]) => ({ schemas: [PATCH_OP_SCHEMA], Operations });

describe("activeFromPatch", () => {
  it("reads active in the RFC, Okta and Entra ID forms", () => {
    expect(activeFromPatch(patch({ op: "replace", path: "active", value: false }))).toBe(false);
    expect(activeFromPatch(patch({ op: "replace", value: { active: false } }))).toBe(false);
    expect(activeFromPatch(patch({ op: "Replace", path: "active", value: "False" }))).toBe(false);
    expect(activeFromPatch(patch({ op: "replace", path: "active", value: "True" }))).toBe(true);
    expect(activeFromPatch(patch({ op: "replace", path: "displayName", value: "X" }))).toBeUndefined();
  });

  it("refuses malformed bodies in SCIM's error shape", () => {
    for (const body of [null, [], {}, { schemas: ["x"], Operations: [] }, patch(), patch({ op: "move", path: "active", value: false }), patch({ op: "replace", path: "active", value: "nope" }), patch({ op: "remove", path: "active" })]) {
      let caught: unknown;
      try {
        activeFromPatch(body);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(ScimError);
      expect((caught as ScimError).body()).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "400" });
    }
  });
});
