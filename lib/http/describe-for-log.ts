/**
 * An error as it may be logged: its kind and database error code, never its message,
 * which for a failed query includes every parameter (tokens, hashes, whole batches).
 */
export function describeForLog(error: unknown): string {
  const name = (error as Error)?.name ?? typeof error;
  let code: unknown;
  for (let current: unknown = error; current && code === undefined; current = (current as { cause?: unknown }).cause) {
    code = (current as { code?: unknown }).code;
  }
  return code === undefined ? name : `${name} (${String(code)})`;
}
