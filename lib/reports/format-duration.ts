/** 2h 04m, 45m 10s, 12s — or "not yet". */
export function formatDuration(seconds: number | null): string {
  if (seconds === null) return "not yet";
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return `${h}h ${String(m).padStart(2, "0")}m`;
  if (m) return `${m}m ${String(s).padStart(2, "0")}s`;
  return `${s}s`;
}
