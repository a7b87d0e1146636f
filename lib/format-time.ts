// Times as responders read them: "4 min ago", and exact UTC on hover.
const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ["day", 86_400_000],
  ["hour", 3_600_000],
  ["minute", 60_000],
];
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto", style: "short" });

export function formatAgo(iso: string | null, now = Date.now()): string {
  if (!iso) return "never";
  const delta = new Date(iso).getTime() - now;
  for (const [unit, size] of units) {
    if (Math.abs(delta) >= size) return relative.format(Math.round(delta / size), unit);
  }
  return Math.abs(delta) < 30_000 ? "just now" : relative.format(Math.round(delta / 1000), "second");
}

export function formatUtc(iso: string | null): string {
  return iso ? `${iso.replace("T", " ").slice(0, 16)} UTC` : "—";
}
