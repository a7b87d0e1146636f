// The session-signing secret: AUTH_SECRET when given, otherwise generated once into
// the data folder (mode 0600) so that `npm start` needs no configuration.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Env } from "@/lib/env";
import { EnvError } from "@/lib/env";

export function loadAuthSecret(env: Env): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const file = path.join(env.dataDir, "secrets", "auth-secret");
  try {
    const existing = fs.readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
    throw new EnvError(`AUTH_SECRET is unset and ${file} holds no usable secret; delete it to generate a new one`);
  } catch (error) {
    if (error instanceof EnvError) throw error;
    if ((error as { code?: string }).code !== "ENOENT") {
      throw new EnvError(`AUTH_SECRET is unset and ${file} cannot be read (${(error as Error).message})`);
    }
  }
  const secret = randomBytes(32).toString("base64url");
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    // "wx": if two processes race, one writes and both read the winner's secret.
    fs.writeFileSync(file, secret, { flag: "wx", mode: 0o600 });
    return secret;
  } catch (error) {
    if ((error as { code?: string }).code === "EEXIST") return fs.readFileSync(file, "utf8").trim();
    throw new EnvError(
      `AUTH_SECRET is unset and cannot be generated into ${file} (${(error as Error).message}); set AUTH_SECRET or make TOURNIQUET_DATA_DIR writable`,
    );
  }
}
