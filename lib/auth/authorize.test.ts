import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { UserRole } from "./roles";
import { type Permission, authorize, can } from "./authorize";
import type { Caller, UserCaller } from "./caller";

const person = (role: UserRole): UserCaller => ({ type: "user", id: "id", email: "e@x.test", name: "n", role });

const expected: Record<Permission, UserRole[]> = {
  "console:read": ["viewer", "responder", "admin"],
  "agents:act": ["responder", "admin"],
  "incidents:act": ["responder", "admin"],
  "agents:restore": ["admin"],
  "users:manage": ["admin"],
  "keys:manage": ["admin"],
  "settings:manage": ["admin"],
  "tokens:check": [],
  "actions:ingest": [],
  "approvals:decide": ["responder", "admin"],
  "streams:manage": ["admin"],
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

  it("gives API keys their role's permissions, resource servers only token checks, agents nothing", () => {
    const key = { type: "api_key", id: "k", name: "soar", role: "responder" } as const;
    expect(can(key, "agents:act")).toBe(true);
    expect(can(key, "users:manage")).toBe(false);
    const server = { type: "resource_server", id: "r", name: "wiki" } as const;
    expect(can(server, "tokens:check")).toBe(true);
    expect(can(server, "console:read")).toBe(false);
    const agent: Caller = { type: "agent", id: "a", name: "bot", tokenId: "t", scopes: ["*"] };
    for (const permission of Object.keys(expected) as Permission[]) expect(can(agent, permission)).toBe(false);
  });

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
