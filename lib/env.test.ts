import path from "node:path";
import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

function messageOf(source: Record<string, string | undefined>): string {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as Error).message;
  }
  throw new Error("expected parseEnv to fail");
}

describe("parseEnv", () => {
  it("needs nothing for the quick start", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.dataDir).toBe(path.resolve(".data"));
    expect(env.PORT).toBe(3000);
    expect(env.TOURNIQUET_DEMO_DATA).toBe(true);
    expect(env.AUTH_OIDC_DEFAULT_ROLE).toBe("none");
    expect(env.AUTH_OIDC_ALLOWED_DOMAINS).toEqual([]);
    expect(env.AUTH_OIDC_GROUPS_CLAIM).toBe("groups");
    expect(env.oidcRoleMap).toEqual([]);
    expect(env.AUTH_OIDC_ALLOWED_GROUPS).toEqual([]);
  });

  it("parses the OIDC role map and names a malformed entry", () => {
    expect(parseEnv({ AUTH_OIDC_ROLE_MAP: "tq-admins=admin, secops=responder,eng=viewer" }).oidcRoleMap).toEqual([
      { group: "tq-admins", role: "admin" },
      { group: "secops", role: "responder" },
      { group: "eng", role: "viewer" },
    ]);
    expect(() => parseEnv({ AUTH_OIDC_ROLE_MAP: "tq-admins" })).toThrow(/AUTH_OIDC_ROLE_MAP: "tq-admins" is not group=role/);
    expect(() => parseEnv({ AUTH_OIDC_ROLE_MAP: "eng=owner" })).toThrow(/AUTH_OIDC_ROLE_MAP: "eng=owner": role must be/);
    expect(() => parseEnv({ AUTH_OIDC_ROLE_MAP: "eng=viewer,eng=admin" })).toThrow(/mapped twice/);
    expect(parseEnv({ AUTH_OIDC_ALLOWED_GROUPS: "secops, eng" }).AUTH_OIDC_ALLOWED_GROUPS).toEqual(["secops", "eng"]);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", PORT: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable in one line when a value is wrong", () => {
    const message = messageOf({ DATABASE_URL: "mysql://localhost/x" });
    expect(message).toMatch(/^DATABASE_URL /);
    expect(message).not.toContain("\n");
    expect(messageOf({ PORT: "seventy" })).toMatch(/^PORT /);
    expect(messageOf({ AUTH_SECRET: "short" })).toBe("AUTH_SECRET must be at least 32 characters");
    expect(messageOf({ TOURNIQUET_ADMIN_EMAIL: "not-an-email" })).toMatch(/^TOURNIQUET_ADMIN_EMAIL /);
  });

  it("refuses an admin password without an email, and a half-configured single sign-on", () => {
    expect(messageOf({ TOURNIQUET_ADMIN_PASSWORD: "long enough password" })).toMatch(/^TOURNIQUET_ADMIN_EMAIL /);
    expect(messageOf({ AUTH_OIDC_ISSUER: "https://idp.example.com" })).toMatch(/^AUTH_OIDC_CLIENT_ID /);
  });

  it("fails on a missing secret when generating one is forbidden", () => {
    expect(messageOf({ TOURNIQUET_GENERATE_SECRETS: "false" })).toMatch(/^AUTH_SECRET is missing/);
    expect(parseEnv({ TOURNIQUET_GENERATE_SECRETS: "false", AUTH_SECRET: "x".repeat(32) }).AUTH_SECRET).toHaveLength(32);
  });
});
