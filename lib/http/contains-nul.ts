/** Whether any string in a JSON value (keys included) holds a NUL, which PostgreSQL text and jsonb reject. */
export function containsNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\0");
  if (depth > 64 || value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some((item) => containsNul(item, depth + 1));
  return Object.entries(value).some(([key, item]) => key.includes("\0") || containsNul(item, depth + 1));
}
