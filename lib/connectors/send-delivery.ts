// One HTTP attempt at a delivery. Webhooks follow Standard Webhooks (webhook-id,
// webhook-timestamp, webhook-signature); SSF/CAEP events go as signed security event
// tokens pushed per RFC 8935, whose answers are read: 202 is success, a 400 with an
// `err` code is a rejection that retrying cannot fix. Redirects are not followed: a
// connector's URL is the only place Tourniquet will send its events.
import { SignJWT } from "jose";
import { Webhook } from "standardwebhooks";
import type { Db } from "@/db/client";
import type { Connector, Delivery } from "@/db/schema";
import { issuerFallback } from "@/lib/ssf/issuer";
import { storedStream } from "@/lib/ssf/stream-config";
import { openSecret } from "./secret-box";
import { signingKey } from "./signing-key";

const TIMEOUT_MS = 5_000;

export interface AttemptResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  /** The receiver refused for good (RFC 8935 err, RFC 7009 error): no retry. */
  permanent?: boolean;
  errorCode?: string | null;
  errorDescription?: string | null;
}

/** RFC 8935 §2.4 error codes a receiver sends with a 400. */
export const PUSH_ERROR_CODES = ["invalid_request", "invalid_key", "invalid_issuer", "invalid_audience", "authentication_failed", "access_denied"];

/** Signs a stored SET as this stream's transmitter; the jti is the delivery's id. */
export async function signSet(db: Db, delivery: Delivery, connector: Connector): Promise<string> {
  const stream = storedStream(connector, issuerFallback());
  const key = await signingKey(db, stream.alg);
  // Before SSF streams a delivery's payload was the `events` claim alone.
  const claims = "events" in delivery.payload ? delivery.payload : { events: delivery.payload };
  return new SignJWT(claims)
    .setProtectedHeader({ alg: key.alg, kid: key.kid, typ: "secevent+jwt" })
    .setIssuer(stream.iss)
    .setAudience(stream.aud)
    .setIssuedAt()
    .setJti(delivery.id)
    .sign(key.privateKey);
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
  const stream = storedStream(connector, issuerFallback());
  const authorization = stream.ownAuthorizationHeader ? secret : `Bearer ${secret}`;
  return {
    body: await signSet(db, delivery, connector),
    headers: { "content-type": "application/secevent+jwt", accept: "application/json", ...(authorization ? { authorization } : {}) },
  };
}

/** Reads an RFC 8935 error body ({ err, description }) without trusting its size or shape. */
async function readPushError(response: Response): Promise<{ code: string | null; description: string | null }> {
  const text = (await response.text().catch(() => "")).slice(0, 4096);
  try {
    const body = JSON.parse(text) as { err?: unknown; description?: unknown };
    const code = typeof body.err === "string" ? body.err.slice(0, 100) : null;
    const description = typeof body.description === "string" ? body.description.slice(0, 500) : null;
    return { code, description };
  } catch {
    return { code: null, description: null };
  }
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
    if (response.status >= 200 && response.status < 300) {
      await response.body?.cancel();
      return { ok: true, statusCode: response.status, error: null };
    }
    if (connector.kind === "caep" && [400, 401, 403].includes(response.status)) {
      const { code, description } = await readPushError(response);
      if (code && PUSH_ERROR_CODES.includes(code)) {
        const said = description ? `${code}: ${description}` : code;
        return { ok: false, statusCode: response.status, error: `the receiver rejected the event (${said})`, permanent: true, errorCode: code, errorDescription: description };
      }
    } else {
      await response.body?.cancel();
    }
    return { ok: false, statusCode: response.status, error: `the receiver answered ${response.status}` };
  } catch (error) {
    // fetch hides the network reason in `cause` (sometimes an AggregateError of attempts).
    const cause = (error as { cause?: { code?: string; message?: string; errors?: { code?: string }[] } }).cause;
    const reason = cause?.code ?? cause?.errors?.find((item) => item.code)?.code ?? cause?.message;
    const message = (error as Error).name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : (reason ?? (error as Error).message);
    return { ok: false, statusCode: null, error: `could not reach the receiver: ${message}` };
  }
}
