import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { UserRole } from "./roles";
import { type Permission, authorize, can } from "./authorize";
import type { UserCaller } from "./caller";

const person = (role: UserRole): UserCaller => ({ type: "user", id: "id", email: "e@x.test", name: "n", role });

const expected: Record<Permission, UserRole[]> = {
  "console:read": ["viewer", "responder", "admin"],
  "agents:act": ["responder", "admin"],
  "incidents:act": ["responder", "admin"],
  "agents:restore": ["admin"],
  "users:manage": ["admin"],
  "keys:manage": ["admin"],
  "settings:manage": ["admin"],
};

describe("authorize", () => {
  for (const permission of Object.keys(expected) as Permission[]) {
    for (const role of ["viewer", "responder", "admin"] as const) {
      const allowed = expected[permission].includes(role);
      it(`${role} ${allowed ? "may" : "may not"} ${permission}`, () => {
        expect(can(person(role), permission)).toBe(allowed);
        if (allowed) expect(() => authorize(person(role), permission)).not.toThrow();
        else expect(() => authorize(person(role), permission)).toThrow(expect.objectContaining({ status: 403 }));
      });
    }
  }

  it("answers 401 when there is no caller", () => {
    try {
      authorize(null, "console:read");
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(401);
    }
  });
});
