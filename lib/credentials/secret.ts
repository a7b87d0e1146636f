// Secrets Tourniquet mints: 256 random bits behind a recognisable prefix (so secret
// scanners and people can tell what leaked), stored only as SHA-256. A slow hash is
// for guessable passwords; these are not guessable, and checking them must be cheap.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

export const secretPrefixes = {
  agentToken: "tq_at_",
  apiKey: "tq_ak_",
  ingestKey: "tq_ik_",
  resourceServerSecret: "tq_rs_",
  resourceServerClientId: "tq_rc_",
  ssfReceiver: "tq_sr_",
  oauthClientId: "tq_oc_",
  oauthClientSecret: "tq_cs_",
  refreshToken: "tq_rt_",
  authorizationCode: "tq_ac_",
  scimToken: "tq_sc_",
} as const;

export interface MintedSecret {
  secret: string;
  /** Shown in lists: the kind prefix and 8 characters of the random part. */
  displayPrefix: string;
  hash: string;
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function mintSecret(kindPrefix: string): MintedSecret {
  const secret = `${kindPrefix}${randomBytes(32).toString("base64url")}`;
  return { secret, displayPrefix: secret.slice(0, kindPrefix.length + 8), hash: hashSecret(secret) };
}

/** Compares two hex digests in constant time. */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && left.length > 0 && timingSafeEqual(left, right);
}
