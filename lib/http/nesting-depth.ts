/**
 * Whether a parsed value nests deeper than `max`, walked with an explicit stack rather
 * than recursion, so the check itself cannot overflow the call stack whatever the depth.
 */
export function nestsDeeperThan(value: unknown, max: number): boolean {
  const pending: [unknown, number][] = [[value, 1]];
  while (pending.length) {
    const [item, depth] = pending.pop() as [unknown, number];
    if (item === null || typeof item !== "object") continue;
    if (depth > max) return true;
    for (const child of Object.values(item)) if (child !== null && typeof child === "object") pending.push([child, depth + 1]);
  }
  return false;
}
