import { sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/db/testing/test-database";
import { auditEntries } from "@/db/schema";
import { createPerson } from "@/lib/testing/people";
import { verifyAuditChain } from "./verify-audit-chain";

let t: TestDatabase;
beforeEach(async () => {
  t = await createTestDatabase();
  // Five entries written through the application, twenty of them at once.
  const admin = await createPerson(t.db, "admin");
  await Promise.all(Array.from({ length: 20 }, (_, index) => createPerson(t.db, index % 2 ? "viewer" : "responder")));
  void admin;
});
afterEach(() => t.close());

/** Tampering needs the append-only trigger off, as a database superuser could do. */
async function tamper(statement: string) {
  await t.db.execute(sql.raw("alter table audit_entries disable trigger audit_entries_append_only"));
  await t.db.execute(sql.raw(statement));
  await t.db.execute(sql.raw("alter table audit_entries enable trigger audit_entries_append_only"));
}

const ids = async () => (await t.db.select({ id: auditEntries.id }).from(auditEntries).orderBy(auditEntries.id)).map((row) => row.id);

describe("the audit hash chain", () => {
  it("verifies an untouched chain, written in strict order even under concurrency", async () => {
    const report = await verifyAuditChain(t.db);
    expect(report).toMatchObject({ ok: true, checked: 21, firstBroken: null });
  });

  it("refuses updates and deletes from the application", async () => {
    await expect(t.db.execute(sql`update audit_entries set action = 'x'`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from audit_entries`)).rejects.toThrow();
  });

  it("detects a changed entry", async () => {
    const [, second] = await ids();
    await tamper(`update audit_entries set actor_label = 'someone else' where id = ${second}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBroken: { id: second, reason: expect.stringMatching(/changed/) } });
  });

  it("detects a changed before/after payload, whatever the key order", async () => {
    const [first] = await ids();
    await tamper(`update audit_entries set after = after || '{"role":"viewer"}'::jsonb where id = ${first}`);
    expect((await verifyAuditChain(t.db)).firstBroken?.id).toBe(first);
  });

  it("detects a deleted entry", async () => {
    const all = await ids();
    await tamper(`delete from audit_entries where id = ${all[5]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBroken: { id: all[6], reason: expect.stringMatching(/deleted, inserted or reordered/) } });
  });

  it("detects reordered entries", async () => {
    const [, a, b] = await ids();
    const columns = "occurred_at, actor_type, actor_id, actor_label, action, target_type, target_id, ip, user_agent, before, after, prev_hash, hash";
    const set = columns.split(", ").map((column) => `${column} = other.${column}`).join(", ");
    await tamper(`
      with pair as (select id, ${columns} from audit_entries where id in (${a}, ${b}))
      update audit_entries set ${set}
      from pair as other where other.id = case audit_entries.id when ${a} then ${b} when ${b} then ${a} end and audit_entries.id in (${a}, ${b})`);
    const report = await verifyAuditChain(t.db);
    expect(report.ok).toBe(false);
    expect(report.firstBroken?.id).toBe(a);
  });

  it("detects that the newest entries were removed", async () => {
    const all = await ids();
    await tamper(`delete from audit_entries where id >= ${all[all.length - 2]}`);
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: false, firstBroken: { reason: expect.stringMatching(/newest entries were removed/) } });
  });
});
