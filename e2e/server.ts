// The server Playwright tests run against: the real `npm start` path (production
// build, embedded database) in a fresh data folder that is removed afterwards.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { E2E_ADMIN, E2E_OIDC, E2E_PORT } from "./fixtures/constants";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "tq-e2e-"));
const server = spawn(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/start.ts"], {
  stdio: "inherit",
  env: {
    ...process.env,
    PORT: String(E2E_PORT),
    // The issuer OAuth clients check discovery against (lib/oauth/issuer.ts).
    TOURNIQUET_PUBLIC_URL: `http://127.0.0.1:${E2E_PORT}`,
    TOURNIQUET_DATA_DIR: dataDir,
    TOURNIQUET_ADMIN_EMAIL: E2E_ADMIN.email,
    TOURNIQUET_ADMIN_PASSWORD: E2E_ADMIN.password,
    DATABASE_URL: "",
    // Single sign-on against the provider e2e/oidc.spec.ts starts on loopback.
    AUTH_OIDC_ISSUER: `http://127.0.0.1:${E2E_OIDC.port}`,
    AUTH_OIDC_CLIENT_ID: E2E_OIDC.clientId,
    AUTH_OIDC_CLIENT_SECRET: E2E_OIDC.clientSecret,
    AUTH_OIDC_NAME: "Test IdP",
    // e2e/oidc.spec.ts provisions first-time people; the product default is none.
    AUTH_OIDC_DEFAULT_ROLE: "viewer",
    AUTH_OIDC_ALLOWED_DOMAINS: "example.test",
    // e2e/sso.spec.ts: a group gives a role, leaving it takes the role away.
    AUTH_OIDC_ROLE_MAP: "tq-secops=responder,tq-admins=admin",
  },
});

function cleanUp() {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => {
  cleanUp();
  process.exit(code ?? 0);
});
