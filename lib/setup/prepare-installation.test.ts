import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { agentTokens, agents, auditEntries, externalCredentials, users } from "@/db/schema";
import { authenticateWithPassword } from "@/lib/auth/authenticate-with-password";
import { DEFAULT_ADMIN_EMAIL } from "@/lib/users/create-first-admin";
import { prepareInstallation } from "./prepare-installation";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
});
afterEach(() => t.close());

describe("prepareInstallation", () => {
  it("seeds demo data and a generated admin on an empty database, once", async () => {
    const first = await prepareInstallation(t.db, { demoData: true });
    expect(first.seededDemoData).toBe(true);
    expect(first.firstAdmin?.email).toBe(DEFAULT_ADMIN_EMAIL);
    const password = first.firstAdmin?.generatedPassword;
    expect(password?.length).toBeGreaterThanOrEqual(20);

    const caller = await authenticateWithPassword(t.db, { email: DEFAULT_ADMIN_EMAIL, password });
    expect(caller?.role).toBe("admin");

    const second = await prepareInstallation(t.db, { demoData: true });
    expect(second).toEqual({ firstAdmin: null, seededDemoData: false });
    const admins = await t.db.select().from(users).where(eq(users.role, "admin"));
    expect(admins).toHaveLength(1);
    // The generated password is in no row, hashed or audited.
    const everything = JSON.stringify([await t.db.select().from(users), await t.db.select().from(auditEntries)]);
    expect(everything).not.toContain(password);
  });

  it("loads a realistic company: dozens of agents across teams, with owners, scopes, tokens and outside credentials", async () => {
    await prepareInstallation(t.db, { demoData: true });
    const inventory = await t.db.select().from(agents);
    expect(inventory.length).toBeGreaterThanOrEqual(30);
    expect(new Set(inventory.map((agent) => agent.team)).size).toBeGreaterThanOrEqual(6);
    const registered = inventory.filter((agent) => agent.status !== "unregistered");
    expect(registered.every((agent) => agent.owner.length > 0 && agent.scopes.length > 0)).toBe(true);
    // One shadow agent, discovered through what it sent.
    expect(inventory.length - registered.length).toBe(1);
    expect(new Set(inventory.map((agent) => agent.risk))).toEqual(new Set(["low", "medium", "high"]));
    expect(inventory.some((agent) => agent.status === "suspended")).toBe(true);
    expect((await t.db.select().from(agentTokens)).length).toBeGreaterThan(inventory.length);
    expect((await t.db.select().from(externalCredentials)).length).toBeGreaterThan(5);
  });

  it("creates the admin from the environment and skips demo data when asked", async () => {
    const result = await prepareInstallation(t.db, {
      demoData: false,
      adminEmail: "Chief@Example.com",
      adminPassword: "a very long password",
    });
    expect(result).toEqual({ firstAdmin: { email: "chief@example.com", generatedPassword: undefined }, seededDemoData: false });
    expect(await t.db.select().from(users)).toHaveLength(1);
    const caller = await authenticateWithPassword(t.db, { email: "chief@example.com", password: "a very long password" });
    expect(caller?.role).toBe("admin");
  });

  it("creates exactly one admin when several replicas start at once", async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, () => prepareInstallation(t.db, { demoData: true })),
    );
    expect(results.filter((result) => result.firstAdmin)).toHaveLength(1);
    expect(results.filter((result) => result.seededDemoData)).toHaveLength(1);
    expect(await t.db.select().from(users).where(eq(users.role, "admin"))).toHaveLength(1);
  });
});
