// The rows of a raw `db.execute(sql…)` result, whichever driver ran it: postgres.js
// answers with an array of rows, PGlite with `{ rows }`.
export function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: T[] }).rows ?? [])) as T[];
}
