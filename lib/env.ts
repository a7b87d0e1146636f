// The environment, parsed once with zod. A bad value stops the start with one line
// that names the variable (see scripts/start.ts); nothing else reads process.env.
import path from "node:path";
import { z } from "zod";
import { parseRoleMap, type RoleMapping } from "@/lib/auth/oidc-role-map";
import { parseTrustedProxies, type TrustedProxies } from "@/lib/http/trusted-proxies";

const booleanFlag = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((value) => value === "true" || value === "1" || value === "yes");

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/[^\s]+$/.test(value) && URL.canParse(value), {
    message: "must be a postgres:// or postgresql:// URL",
  });

const envSchema = z
  .object({
    DATABASE_URL: postgresUrl.optional(),
    TOURNIQUET_DATA_DIR: z.string().min(1).default("./.data"),
    TOURNIQUET_ADMIN_EMAIL: z.email({ message: "must be an email address" }).optional(),
    TOURNIQUET_ADMIN_PASSWORD: z
      .string()
      .min(12, { message: "must be at least 12 characters" })
      .max(256, { message: "must be at most 256 characters" })
      .optional(),
    // Sessions are signed with it. Generated into the data folder when unset, unless
    // TOURNIQUET_GENERATE_SECRETS=false (several replicas must share one secret).
    AUTH_SECRET: z.string().min(32, { message: "must be at least 32 characters" }).optional(),
    TOURNIQUET_GENERATE_SECRETS: booleanFlag.default(true),
    TOURNIQUET_DEMO_DATA: booleanFlag.default(true),
    // Prompts, completions and tool arguments/results in telemetry: dropped, hashed or kept.
    TOURNIQUET_CAPTURE_CONTENT: z.enum(["none", "hash", "full"], { message: "must be none, hash or full" }).default("none"),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    // This installation's public address: the issuer of the security events it sends.
    TOURNIQUET_PUBLIC_URL: z.url({ message: "must be the console's public URL" }).optional(),
    // Reverse proxies whose X-Forwarded-For is believed: addresses and CIDR ranges, comma-separated.
    TOURNIQUET_TRUSTED_PROXIES: z.string().max(4000).default(""),
    // Drop whole monthly partitions of actions older than this many days; unset keeps everything.
    TOURNIQUET_RETENTION_DAYS: z.coerce.number({ message: "must be a number of days" }).int().min(1).max(36_500).optional(),
    // The classification line every page of a PDF report carries.
    TOURNIQUET_REPORT_CLASSIFICATION: z.string().trim().min(1).max(120).default("CONFIDENTIAL: incident record, internal distribution only"),
    // A streaming replica for reads that tolerate a little lag (timeline, histogram, reports, blast radius).
    DATABASE_REPLICA_URL: postgresUrl.optional(),
    TOURNIQUET_OAUTH_MAX_TOKEN_SECONDS: z.coerce.number({ message: "must be a number of seconds" }).int().min(60).max(86_400).default(3600),
    // Any OpenID Connect provider (Okta, Entra ID, Google, Keycloak...).
    AUTH_OIDC_ISSUER: z.url({ message: "must be the issuer URL" }).optional(),
    AUTH_OIDC_CLIENT_ID: z.string().min(1).optional(),
    AUTH_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
    AUTH_OIDC_NAME: z.string().min(1).max(60).default("Single sign-on"),
    // Role given to a person who signs in through OIDC for the first time; "none"
    // refuses people an admin has not added.
    AUTH_OIDC_DEFAULT_ROLE: z.enum(["none", "viewer", "responder"]).default("none"),
    // Only people whose email is in one of these domains (comma list) sign in through OIDC.
    AUTH_OIDC_ALLOWED_DOMAINS: z
      .string()
      .max(4000)
      .default("")
      .transform((value) => value.split(",").map((domain) => domain.trim().toLowerCase().replace(/^@/, "")).filter(Boolean)),
    // Providers that send no email_verified claim (Entra ID) are refused unless the
    // operator vouches that their users cannot choose their own email.
    AUTH_OIDC_TRUST_UNVERIFIED_EMAIL: booleanFlag.default(false),
    // The claim (ID token or userinfo) that lists the person's groups.
    AUTH_OIDC_GROUPS_CLAIM: z.string().trim().min(1).max(200).default("groups"),
    // group=role pairs, comma-separated; the highest role among a person's groups wins.
    AUTH_OIDC_ROLE_MAP: z.string().max(8000).default(""),
    // Only people in one of these groups (comma list) sign in through OIDC.
    AUTH_OIDC_ALLOWED_GROUPS: z
      .string()
      .max(8000)
      .default("")
      .transform((value) => value.split(",").map((group) => group.trim()).filter(Boolean)),
  })
  .superRefine((env, ctx) => {
    if (env.TOURNIQUET_ADMIN_PASSWORD && !env.TOURNIQUET_ADMIN_EMAIL) {
      ctx.addIssue({
        code: "custom",
        path: ["TOURNIQUET_ADMIN_EMAIL"],
        message: "is required when TOURNIQUET_ADMIN_PASSWORD is set",
      });
    }
    const oidc = [env.AUTH_OIDC_ISSUER, env.AUTH_OIDC_CLIENT_ID, env.AUTH_OIDC_CLIENT_SECRET];
    if (oidc.some(Boolean) && !oidc.every(Boolean)) {
      const missing = (["AUTH_OIDC_ISSUER", "AUTH_OIDC_CLIENT_ID", "AUTH_OIDC_CLIENT_SECRET"] as const).find(
        (name) => !env[name],
      );
      ctx.addIssue({
        code: "custom",
        path: [missing ?? "AUTH_OIDC_ISSUER"],
        message: "is required when single sign-on is configured (set all three AUTH_OIDC_* variables)",
      });
    }
    if (!env.AUTH_SECRET && !env.TOURNIQUET_GENERATE_SECRETS) {
      ctx.addIssue({
        code: "custom",
        path: ["AUTH_SECRET"],
        message: "is missing and TOURNIQUET_GENERATE_SECRETS=false forbids generating one",
      });
    }
  });

export type Env = z.infer<typeof envSchema> & { dataDir: string; trustedProxies: TrustedProxies; oidcRoleMap: RoleMapping[] };

export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

// Empty strings count as unset, as in most .env tooling.
function withoutEmpty(source: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(source).filter((entry): entry is [string, string] => typeof entry[1] === "string" && entry[1] !== ""),
  );
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(withoutEmpty(source));
  if (!result.success) {
    const first = result.error.issues[0];
    const name = first?.path.join(".") || "environment";
    throw new EnvError(`${name} ${first?.message ?? "is invalid"}`);
  }
  let trustedProxies: TrustedProxies;
  try {
    trustedProxies = parseTrustedProxies(result.data.TOURNIQUET_TRUSTED_PROXIES);
  } catch (error) {
    throw new EnvError(`TOURNIQUET_TRUSTED_PROXIES: ${(error as Error).message}`);
  }
  let oidcRoleMap: RoleMapping[];
  try {
    oidcRoleMap = parseRoleMap(result.data.AUTH_OIDC_ROLE_MAP);
  } catch (error) {
    throw new EnvError(`AUTH_OIDC_ROLE_MAP: ${(error as Error).message} (expected e.g. tq-admins=admin,secops=responder,eng=viewer)`);
  }
  return { ...result.data, dataDir: path.resolve(result.data.TOURNIQUET_DATA_DIR), trustedProxies, oidcRoleMap };
}

const cache = globalThis as typeof globalThis & { __tourniquetEnv?: Env };

export function env(): Env {
  cache.__tourniquetEnv ??= parseEnv(process.env);
  return cache.__tourniquetEnv;
}
