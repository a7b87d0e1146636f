import { invalidInput } from "@/lib/errors";

/** Query parameters as a plain object (the last value wins), ready for a zod schema. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  const values = Object.fromEntries(params.entries());
  // PostgreSQL rejects NUL in text; refuse it here rather than fail in the query.
  if (Object.values(values).some((value) => value.includes("\0"))) throw invalidInput("Query parameters may not contain NUL characters.");
  return values;
}
