// The keys that sign security event tokens: ES256 by default and RS256 (2048-bit) for
// streams that ask for it (the CAEP interoperability profile requires RS256). Made on
// first use and kept in the database (private part sealed), so every replica signs
// with the same keys; receivers fetch the public parts from /.well-known/jwks.json.
import { eq } from "drizzle-orm";
import { type CryptoKey, type JWK, exportJWK, generateKeyPair, importJWK } from "jose";
import type { Db } from "@/db/client";
import { settings } from "@/db/schema";
import { openSecret, sealSecret } from "./secret-box";

export type SetAlg = "ES256" | "RS256";
const SETTINGS: Record<SetAlg, string> = { ES256: "connectors.set_signing_key", RS256: "connectors.set_signing_key.rs256" };

export interface SigningKey {
  kid: string;
  alg: SetAlg;
  privateKey: CryptoKey;
  publicJwk: JWK;
}

const cache = globalThis as typeof globalThis & { __tourniquetSigningKeys?: Partial<Record<SetAlg, Promise<SigningKey>>> };

async function loadOrCreate(db: Db, alg: SetAlg): Promise<SigningKey> {
  const read = async () => (await db.select().from(settings).where(eq(settings.key, SETTINGS[alg])))[0]?.value as
    | { kid: string; sealedPrivate: string; publicJwk: JWK }
    | undefined;
  let stored = await read();
  if (!stored) {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === "RS256" ? { modulusLength: 2048 } : {}) });
    const kid = `tq-${alg === "RS256" ? "rs-" : ""}${Date.now().toString(36)}`;
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: "sig" };
    const sealedPrivate = sealSecret(JSON.stringify(await exportJWK(privateKey)));
    // Two replicas may race here; the first insert wins and both read it back.
    await db.insert(settings).values({ key: SETTINGS[alg], value: { kid, sealedPrivate, publicJwk } }).onConflictDoNothing();
    stored = await read();
    if (!stored) throw new Error("signing key was not stored");
  }
  const privateKey = (await importJWK(JSON.parse(openSecret(stored.sealedPrivate)) as JWK, alg)) as CryptoKey;
  return { kid: stored.kid, alg, privateKey, publicJwk: stored.publicJwk };
}

export function signingKey(db: Db, alg: SetAlg = "ES256"): Promise<SigningKey> {
  const keys = (cache.__tourniquetSigningKeys ??= {});
  keys[alg] ??= loadOrCreate(db, alg).catch((error: unknown) => {
    keys[alg] = undefined;
    throw error;
  });
  return keys[alg];
}

/** Every public key a receiver may need, for jwks_uri. */
export async function publicSigningJwks(db: Db): Promise<JWK[]> {
  return Promise.all((["ES256", "RS256"] as const).map(async (alg) => (await signingKey(db, alg)).publicJwk));
}
