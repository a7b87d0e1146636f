// One HTTP attempt at a delivery. Webhooks follow Standard Webhooks (webhook-id,
// webhook-timestamp, webhook-signature); CAEP events go as signed security event
// tokens pushed per RFC 8935. Redirects are not followed: a connector's URL is the
// only place Tourniquet will send its events.
import { SignJWT } from "jose";
import { Webhook } from "standardwebhooks";
import type { Db } from "@/db/client";
import type { Connector, Delivery } from "@/db/schema";
import { env } from "@/lib/env";
import { openSecret } from "./secret-box";
import { signingKey } from "./signing-key";

const TIMEOUT_MS = 5_000;

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

async function request(db: Db, delivery: Delivery, connector: Connector): Promise<{ headers: Record<string, string>; body: string }> {
  const secret = openSecret(connector.secretCiphertext);
  if (connector.kind === "webhook") {
    const body = JSON.stringify(delivery.payload);
    // One moment for both: the header must carry the second that was signed.
    const sentAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const signature = new Webhook(secret).sign(delivery.id, sentAt, body);
    return {
      body,
      headers: {
        "content-type": "application/json",
        "webhook-id": delivery.id,
        "webhook-timestamp": String(sentAt.getTime() / 1000),
        "webhook-signature": signature,
      },
    };
  }
  const key = await signingKey(db);
  const token = await new SignJWT({ events: delivery.payload })
    .setProtectedHeader({ alg: "ES256", kid: key.kid, typ: "secevent+jwt" })
    .setIssuer(env().TOURNIQUET_PUBLIC_URL ?? "urn:tourniquet")
    .setAudience(connector.url)
    .setIssuedAt()
    .setJti(delivery.id)
    .sign(key.privateKey);
  return {
    body: token,
    headers: { "content-type": "application/secevent+jwt", accept: "application/json", authorization: `Bearer ${secret}` },
  };
}

export async function sendDelivery(db: Db, delivery: Delivery, connector: Connector): Promise<AttemptResult> {
  try {
    const { headers, body } = await request(db, delivery, connector);
    const response = await fetch(connector.url, {
      method: "POST",
      headers,
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status, error: null };
    return { ok: false, statusCode: response.status, error: `the receiver answered ${response.status}` };
  } catch (error) {
    // fetch hides the network reason in `cause` (sometimes an AggregateError of attempts).
    const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const reason = cause?.code ?? cause?.errors?.find((item) => item.code)?.code ?? cause?.message;
    const message = (error as Error).name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (reason ?? (error as Error).message);
    return { ok: false, statusCode: null, error: `could not reach the receiver: ${message}` };
  }
}
