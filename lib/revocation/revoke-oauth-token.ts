// Revokes a token held at another OAuth server with RFC 7009, authenticating as the
// connector's client (HTTP Basic, each part form-encoded per RFC 6749 §2.3.1). A 200
// is success; an OAuth error such as invalid_client or unsupported_token_type will
// not change on retry, a 5xx or a timeout may.
import { type RevocationOutcome, describeFailure, failed, revoked } from "./outcome";

const TIMEOUT_MS = 5_000;
const PERMANENT = ["invalid_client", "invalid_request", "unsupported_token_type", "unauthorized_client", "invalid_grant"];

export async function revokeOAuthToken(connection: string, token: string, tokenTypeHint?: string): Promise<RevocationOutcome> {
  const url = new URL(connection);
  const clientId = decodeURIComponent(url.username);
  const clientSecret = decodeURIComponent(url.password);
  url.username = "";
  url.password = "";
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString("base64");
  const body = new URLSearchParams({ token, ...(tokenTypeHint ? { token_type_hint: tokenTypeHint } : {}) });
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Basic ${basic}`, "content-type": "application/x-www-form-urlencoded", accept: "application/json" },
      body,
      redirect: "manual",
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    const text = (await response.text().catch(() => "")).slice(0, 4096);
    if (response.status === 200) return revoked();
    let code: string | null = null;
    try {
      const parsed = JSON.parse(text) as { error?: unknown };
      code = typeof parsed.error === "string" ? parsed.error.slice(0, 100) : null;
    } catch {
      // not JSON: only the status tells
    }
    const said = `the OAuth server answered ${response.status}${code ? ` ${code}` : ""}`;
    return failed(said, response.status < 500 && (code === null || PERMANENT.includes(code)) && response.status !== 429, code);
  } catch (error) {
    const message = (error as Error).name === "TimeoutError" ? `no answer within ${TIMEOUT_MS / 1000} s` : describeFailure((error as { cause?: unknown }).cause ?? error);
    return failed(`could not reach the OAuth server: ${message}`);
  }
}
