/** Whether a granted scope includes a requested one: equal, `*`, or a `prefix:*` wildcard. */
export function scopeCovers(granted: string, requested: string): boolean {
  if (granted === requested || granted === "*") return true;
  return granted.endsWith(":*") && requested.startsWith(granted.slice(0, -1));
}
