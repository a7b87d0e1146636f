// The ES256 key that signs CAEP security event tokens. Made on first use and kept in
// the database (private part sealed), so every replica signs with the same key;
// receivers fetch the public part from /.well-known/jwks.json.
import { eq } from "drizzle-orm";
import { type CryptoKey, type JWK, exportJWK, generateKeyPair, importJWK } from "jose";
import type { Db } from "@/db/client";
import { settings } from "@/db/schema";
import { openSecret, sealSecret } from "./secret-box";

const SETTING = "connectors.set_signing_key";

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

const cache = globalThis as typeof globalThis & { __tourniquetSigningKey?: Promise<SigningKey> };

async function loadOrCreate(db: Db): Promise<SigningKey> {
  const read = async () => (await db.select().from(settings).where(eq(settings.key, SETTING)))[0]?.value as
    | { kid: string; sealedPrivate: string; publicJwk: JWK }
    | undefined;
  let stored = await read();
  if (!stored) {
    const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
    const kid = `tq-${Date.now().toString(36)}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
    const sealedPrivate = sealSecret(JSON.stringify(await exportJWK(privateKey)));
    // Two replicas may race here; the first insert wins and both read it back.
    await db.insert(settings).values({ key: SETTING, value: { kid, sealedPrivate, publicJwk } }).onConflictDoNothing();
    stored = await read();
    if (!stored) throw new Error("signing key was not stored");
  }
  const privateKey = (await importJWK(JSON.parse(openSecret(stored.sealedPrivate)) as JWK, "ES256")) as CryptoKey;
  return { kid: stored.kid, privateKey, publicJwk: stored.publicJwk };
}

export function signingKey(db: Db): Promise<SigningKey> {
  cache.__tourniquetSigningKey ??= loadOrCreate(db).catch((error: unknown) => {
    cache.__tourniquetSigningKey = undefined;
    throw error;
  });
  return cache.__tourniquetSigningKey;
}
