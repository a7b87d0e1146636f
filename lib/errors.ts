// Errors a lib/ verb may throw on purpose. Route handlers turn them into
// `{ error: { code, message, details? } }` with the status they carry.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const unauthorized = (message = "Sign in or send a valid bearer credential.") =>
  new AppError(401, "unauthorized", message);
export const forbidden = (message = "Your role does not allow this.") => new AppError(403, "forbidden", message);
export const notFound = (what: string) => new AppError(404, "not_found", `${what} was not found.`);
export const conflict = (message: string, details?: unknown) => new AppError(409, "conflict", message, details);
export const invalidInput = (message: string, details?: unknown) =>
  new AppError(400, "invalid_input", message, details);

/** Refused for now, not for good: the reply carries Retry-After. */
export class RetryLaterError extends AppError {
  constructor(
    status: number,
    code: string,
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(status, code, message);
    this.name = "RetryLaterError";
  }
}
