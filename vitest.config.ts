import path from "node:path";
import { defineConfig } from "vitest/config";

// Every test file runs against PGlite, and again against real PostgreSQL when
// TEST_DATABASE_URL is set; each file gets its own fresh database.
const shared = {
  include: ["{app,components,db,lib,scripts}/**/*.test.ts"],
  globalSetup: ["./db/testing/global-setup.ts"],
  testTimeout: 30_000,
  // Connector secrets are sealed with a key derived from it; tests never use ./.data.
  env: { AUTH_SECRET: "test-auth-secret-that-is-long-enough-0123456789" },
  hookTimeout: 60_000,
};

export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    projects: [
      { extends: true as const, test: { ...shared, name: "pglite", provide: { dbKind: "pglite" as const } } },
      ...(process.env.TEST_DATABASE_URL
        ? [{ extends: true as const, test: { ...shared, name: "postgres", provide: { dbKind: "postgres" as const } } }]
        : []),
    ],
  },
});
