/** Query parameters as a plain object (the last value wins), ready for a zod schema. */
export function searchParamsObject(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(params.entries());
}
