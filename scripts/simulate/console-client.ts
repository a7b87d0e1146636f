// Talks to a running Tourniquet the way any HTTP client would: signs in through
// next-auth's credentials endpoints (CSRF token, then the callback, keeping cookies)
// or uses an API key, and turns every refusal into an error that says what failed.
export class SimulateError extends Error {
  constructor(
    message: string,
    readonly status?: number,
    readonly code?: string,
  ) {
    super(message);
    this.name = "SimulateError";
  }

  /** Worth retrying: the server or the network, not the request. */
  get transient(): boolean {
    return this.status === undefined || this.status === 429 || this.status >= 500;
  }
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  /** Overrides the console's own credential (an ingest key). */
  bearer?: string;
}

export class ConsoleClient {
  private readonly cookies = new Map<string, string>();
  private apiKey?: string;

  constructor(readonly baseUrl: string) {}

  private cookieHeader(): string | undefined {
    return this.cookies.size ? [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ") : undefined;
  }

  private keepCookies(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      if (at > 0) this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }

  private async fetch(path: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(`${this.baseUrl}${path}`, { ...init, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
      throw new SimulateError(`cannot reach ${this.baseUrl}${path} (${reason}); is Tourniquet running there?`);
    }
  }

  useApiKey(key: string): void {
    this.apiKey = key;
  }

  async signIn(email: string, password: string): Promise<void> {
    const csrf = await this.fetch("/api/auth/csrf", { headers: { accept: "application/json" } });
    this.keepCookies(csrf);
    const { csrfToken } = (await csrf.json().catch(() => ({}))) as { csrfToken?: string };
    if (!csrf.ok || !csrfToken) throw new SimulateError(`${this.baseUrl} did not answer /api/auth/csrf with a token (HTTP ${csrf.status}); is this a Tourniquet?`, csrf.status);
    const callback = await this.fetch("/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() ?? "" },
      body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${this.baseUrl}/` }),
    });
    this.keepCookies(callback);
    const location = callback.headers.get("location") ?? "";
    const signedIn = [...this.cookies.keys()].some((name) => name.includes("authjs.session-token"));
    if (!signedIn || /[?&]error=/.test(location)) {
      const reason = new URL(location || "/", this.baseUrl).searchParams.get("error");
      throw new SimulateError(
        reason === "CredentialsSignin"
          ? `sign-in as ${email} was refused: TOURNIQUET_ADMIN_EMAIL and TOURNIQUET_ADMIN_PASSWORD do not match an account there (or it is rate limited).`
          : `sign-in as ${email} failed (HTTP ${callback.status}${reason ? `, ${reason}` : ""}).`,
        callback.status,
      );
    }
    const me = await this.request<{ role?: string }>("/api/v1/me");
    if (me.role !== "admin") throw new SimulateError(`${email} is a ${me.role ?? "unknown"}; the simulator needs an admin (it creates an ingest key).`);
  }

  /** A JSON request; 4xx and 5xx become a SimulateError with the server's message. */
  async request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const headers: Record<string, string> = { accept: "application/json" };
    const bearer = options.bearer ?? this.apiKey;
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    else if (this.cookies.size) headers.cookie = this.cookieHeader() ?? "";
    if (options.body !== undefined) headers["content-type"] = "application/json";
    const method = options.method ?? (options.body === undefined ? "GET" : "POST");
    const response = await this.fetch(path, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    let payload: unknown = null;
    try {
      payload = text ? JSON.parse(text) : null;
    } catch {
      payload = null;
    }
    if (response.ok) return payload as T;
    // The JSON API says { error: { code, message, details } }; OTLP says { code, message }.
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    const otlp = payload as { message?: string } | null;
    const message = error?.message ?? otlp?.message ?? (response.status >= 300 && response.status < 400 ? "redirected (not signed in?)" : text.slice(0, 200) || response.statusText);
    const details = Array.isArray(error?.details) ? ` (${(error.details as { path?: string; message?: string }[]).map((item) => `${item.path}: ${item.message}`).join("; ")})` : "";
    throw new SimulateError(`${method} ${path} answered ${response.status}: ${message}${details}`, response.status, error?.code);
  }
}
