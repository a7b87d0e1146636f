// next-auth (Auth.js v5): email and password out of the box, plus any OpenID Connect
// provider when AUTH_OIDC_* are set. Sessions are JWTs that carry only the user id;
// the role is read from the database on every request (lib/auth/load-user-caller.ts).
import NextAuth from "next-auth";
import type { NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import type { Provider } from "next-auth/providers";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { requestOrigin } from "@/lib/http/request-origin";
import { loadAuthSecret } from "@/lib/setup/load-auth-secret";
import { authenticateWithOidc } from "./authenticate-with-oidc";
import { authenticateWithPassword } from "./authenticate-with-password";
import { currentSessionVersion } from "./current-session-version";
import { completeClaimsFromUserinfo } from "./oidc-claims";
import { groupsFromClaim } from "./oidc-role-map";
import type { OidcRefusal } from "./oidc-refusal";

/** Logs a refused single sign-on with its reason, and sends the person to /sign-in with it. */
function refuseOidc(reason: OidcRefusal, email: unknown, detail?: string): string {
  console.error(`[auth] single sign-on refused: ${reason}${typeof email === "string" ? ` (${email.slice(0, 200)})` : ""}${detail ? `: ${detail}` : ""}`);
  return `/sign-in?error=AccessDenied&reason=${reason}`;
}

declare module "next-auth" {
  interface Session {
    /** The person's session version when this session began (lib/auth/end-sessions.ts). */
    sessionVersion: number | null;
  }
}

export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

const secretHolder = globalThis as typeof globalThis & { __tourniquetAuthSecret?: string };

function authConfig(): NextAuthConfig {
  const config = env();
  secretHolder.__tourniquetAuthSecret ??= loadAuthSecret(config);
  const providers: Provider[] = [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const caller = await authenticateWithPassword(await getDb(), credentials, requestOrigin(request.headers));
        return caller ? { id: caller.id, email: caller.email, name: caller.name } : null;
      },
    }),
  ];
  if (config.AUTH_OIDC_ISSUER && config.AUTH_OIDC_CLIENT_ID && config.AUTH_OIDC_CLIENT_SECRET) {
    providers.push({
      id: "oidc",
      name: config.AUTH_OIDC_NAME,
      type: "oidc",
      issuer: config.AUTH_OIDC_ISSUER,
      clientId: config.AUTH_OIDC_CLIENT_ID,
      clientSecret: config.AUTH_OIDC_CLIENT_SECRET,
      checks: ["pkce", "state", "nonce"],
    });
  }

  return {
    secret: secretHolder.__tourniquetAuthSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc" || !config.AUTH_OIDC_ISSUER) return true;
        let claims: Record<string, unknown> = { ...profile };
        try {
          // The groups are wanted only when something reads them.
          const wantsGroups = config.oidcRoleMap.length > 0 || config.AUTH_OIDC_ALLOWED_GROUPS.length > 0;
          claims = await completeClaimsFromUserinfo(config.AUTH_OIDC_ISSUER, account.access_token, claims, wantsGroups ? [config.AUTH_OIDC_GROUPS_CLAIM] : []);
        } catch (error) {
          return refuseOidc("retry", claims.email, `userinfo: ${(error as Error).message.slice(0, 200)}`);
        }
        if (typeof claims.email !== "string") return refuseOidc("email_missing", claims.sub, "no email claim in the ID token or userinfo");
        const verified = claims.email_verified;
        const result = await authenticateWithOidc(
          await getDb(),
          {
            email: claims.email,
            name: typeof claims.name === "string" ? claims.name : null,
            // Some providers send "true" as a string.
            emailVerified: typeof verified === "boolean" ? verified : verified === "true" ? true : verified === "false" ? false : undefined,
            trustUnverified: config.AUTH_OIDC_TRUST_UNVERIFIED_EMAIL,
            groups: groupsFromClaim(claims[config.AUTH_OIDC_GROUPS_CLAIM]),
          },
          {
            defaultRole: config.AUTH_OIDC_DEFAULT_ROLE,
            allowedDomains: config.AUTH_OIDC_ALLOWED_DOMAINS,
            roleMap: config.oidcRoleMap,
            allowedGroups: config.AUTH_OIDC_ALLOWED_GROUPS,
          },
        );
        if ("refused" in result) return refuseOidc(result.refused, claims.email);
        user.id = result.caller.id; // the session's subject is our user id, not the provider's
        return true;
      },
      async jwt({ token, user }) {
        // At sign-in only: the session is bound to the person's current session version.
        if (user?.id) {
          token.sub = user.id;
          token.sv = await currentSessionVersion(await getDb(), user.id);
        }
        return token;
      },
      session({ session, token }) {
        if (token.sub) session.user.id = token.sub;
        session.sessionVersion = typeof token.sv === "number" ? token.sv : null;
        return session;
      },
    },
    logger: {
      // A wrong password is not a server error: keep its stack trace out of the log.
      error(error) {
        const type = (error as { type?: string }).type ?? error.name;
        if (type === "CredentialsSignin" || type === "AccessDenied") return;
        // The cause says what went wrong with a provider (issuer, state, claims);
        // it names checks, not secrets.
        const cause = (error as { cause?: { err?: Error } & Error }).cause;
        const reason = cause?.err ?? cause;
        console.error(`[auth] ${type}${reason ? `: ${reason.name}: ${String(reason.message).slice(0, 200)}` : ""}`);
      },
      warn() {},
      debug() {},
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => authConfig());
