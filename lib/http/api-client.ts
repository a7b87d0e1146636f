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

export async function apiFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: "same-origin",
  });
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
