import { defineConfig } from "drizzle-kit";

// Only used by `npm run db:generate`: migrations are generated from the schema and
// committed; the app applies them itself at start (db/migrate.ts).
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
});
