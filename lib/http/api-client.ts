// The browser's side of /api/v1: JSON in, JSON out, errors as ApiClientError carrying
// the server's code, message and field details.
export class ApiClientError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
    this.name = "ApiClientError";
  }

  /** The first message for one form field, for inline errors. */
  fieldError(field: string): string | undefined {
    return this.details?.find((detail) => detail.path === field)?.message;
  }
}

/** The request never got an answer (server stopped, network gone): nothing is known to have happened. */
export const UNREACHABLE = "unreachable";

/**
 * What a failed change means for the person who asked for it, in one line:
 * "Containment NOT applied: the server did not answer."
 */
export function notApplied(what: string, error: Error): string {
  const reason = error.message.replace(/\.$/, "");
  // "The agent…" reads as "the agent…" after the colon; "INC-3…" stays as it is.
  const lowered = /^[A-Z][a-z]/.test(reason) ? reason.charAt(0).toLowerCase() + reason.slice(1) : reason;
  return `${what} NOT applied: ${lowered}.`;
}

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    // fetch rejects only when no response came at all; its own message ("Failed to fetch") says nothing useful.
    throw new ApiClientError(0, UNREACHABLE, "The server did not answer.");
  }
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
    throw new ApiClientError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `The server answered ${response.status}.`,
      Array.isArray(error?.details) ? (error.details as { path: string; message: string }[]) : undefined,
    );
  }
  return payload as T;
}
