// Vitest global setup, once per project: build one migrated database as a template
// so that each test file starts from a fresh copy in well under a second.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../client";

declare module "vitest" {
  export interface ProvidedContext {
    dbKind: "pglite" | "postgres";
    pgliteTemplate: string;
    postgresTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  const kind = project.config.provide?.dbKind ?? "pglite";
  if (kind === "pglite") {
    const client = await PGlite.create();
    const { close } = await openDatabase({ pglite: client });
    const dump = await client.dumpDataDir("none");
    await close();
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tq-template-")), "template.tar");
    fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    project.provide("pgliteTemplate", file);
    return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }

  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is required for the postgres test project");
  const template = `tq_template_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${template}`);
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${template}`;
  const { close } = await openDatabase({ url: templateUrl.toString() });
  await close();
  project.provide("postgresTemplate", template);
  return async () => {
    // Drop the template and every database made from it in this run.
    const made = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`${template.replace("template", "t")}%`} or datname = ${template}`;
    for (const { datname } of made) await admin.unsafe(`drop database if exists ${datname} with (force)`);
    await admin.end();
  };
}
