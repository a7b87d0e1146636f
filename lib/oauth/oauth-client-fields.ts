// The fields of an agent's OAuth client, validated at the edge (POST …/oauth-clients).
import { z } from "zod";
import { oauthClientAuthMethods } from "@/db/schema";

const isLoopback = (host: string) => host === "localhost" || host === "127.0.0.1" || host === "[::1]";

/** OAuth 2.1 §2.3.1: https, or http only on a loopback address; exact, no fragment. */
export const redirectUri = z
  .string()
  .max(2000)
  .refine((value) => {
    try {
      const url = new URL(value);
      return !url.hash && !value.includes("#") && (url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname)));
    } catch {
      return false;
    }
  }, "A redirect URI is an absolute https URL (http only on localhost) without a fragment.");

const jwk = z.record(z.string(), z.unknown()).refine((key) => typeof key.kty === "string", "Each key needs a kty.");

export const createOauthClientInput = z
  .strictObject({
    name: z.string().trim().max(120).optional(),
    authMethod: z.enum(oauthClientAuthMethods),
    jwks: z.strictObject({ keys: z.array(jwk).min(1).max(10) }).optional(),
    jwksUri: z.url({ protocol: /^https?$/ }).max(2000).optional(),
    redirectUris: z.array(redirectUri).max(10).optional(),
  })
  .superRefine((input, context) => {
    const keyed = input.authMethod === "private_key_jwt";
    if (keyed && !input.jwks === !input.jwksUri) {
      context.addIssue({ code: "custom", path: ["jwks"], message: "private_key_jwt needs exactly one of jwks and jwksUri." });
    }
    if (!keyed && (input.jwks || input.jwksUri)) {
      context.addIssue({ code: "custom", path: ["jwks"], message: "Keys are only for private_key_jwt clients." });
    }
    const privateKey = input.jwks?.keys.find((key) => "d" in key);
    if (privateKey) context.addIssue({ code: "custom", path: ["jwks"], message: "Register public keys only: a key has a private part (d)." });
  });
export type CreateOauthClientInput = z.infer<typeof createOauthClientInput>;
