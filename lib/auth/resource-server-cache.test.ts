// Remembered resource-server credentials: a check that hits them reads nothing, and a
// revocation makes the server's next check fail at once, through the change channel
// every replica listens on (the process's own database, as the running server uses).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Db } from "@/db/client";

const runHere = inject("dbKind") === "pglite";
let db: Db;
let dataDir: string;

beforeAll(async () => {
  if (!runHere) return;
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-rs-cache-"));
  Object.assign(process.env, { DATABASE_URL: "", TOURNIQUET_DEMO_DATA: "false", TOURNIQUET_DATA_DIR: dataDir });
  db = await (await import("@/lib/db")).getDb();
  await (await import("./resource-server-cache")).startResourceServerCache();
}, 60_000);

afterAll(async () => {
  if (!runHere) return;
  await (await (await import("@/lib/db")).getDatabase()).close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe.runIf(runHere)("remembered resource-server credentials", () => {
  it("answer without a read until the server is revoked, then not at all", async () => {
    const { createPerson } = await import("@/lib/testing/people");
    const { createResourceServer } = await import("@/lib/keys/create-resource-server");
    const { revokeKey } = await import("@/lib/keys/revoke-key");
    const { authenticateResourceServer } = await import("./authenticate-resource-server");
    const { resourceServers } = await import("@/db/schema");
    const admin = await createPerson(db, "admin");
    const created = await createResourceServer(db, admin, { name: "billing-api" });
    const credentials = { clientId: created.clientId, clientSecret: created.clientSecret };

    expect(await authenticateResourceServer(db, credentials)).toMatchObject({ type: "resource_server", id: created.id });
    // Changed behind the verbs' back (no notification): the remembered entry still answers,
    // which shows the second check made no read.
    await db.update(resourceServers).set({ revokedAt: new Date() }).where(eq(resourceServers.id, created.id));
    expect(await authenticateResourceServer(db, credentials)).toMatchObject({ id: created.id });
    // A wrong secret never matches a remembered entry.
    expect(await authenticateResourceServer(db, { ...credentials, clientSecret: `${credentials.clientSecret}x` })).toBeNull();

    await db.execute(sql`update resource_servers set revoked_at = null where id = ${created.id}`);
    await revokeKey(db, admin, "resource_server", created.id);
    // The notification is heard after the commit, on the listener's connection.
    let caller = await authenticateResourceServer(db, credentials);
    for (let i = 0; caller && i < 100; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      caller = await authenticateResourceServer(db, credentials);
    }
    expect(caller).toBeNull();
  });
});
