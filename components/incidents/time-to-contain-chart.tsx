import Link from "next/link";
import { formatDuration } from "@/lib/reports/format-duration";

/** Bars of time to contain over recent incidents; open ones show as a dashed outline. */
export function TimeToContainChart({ recent }: { recent: { reference: string; id: string; timeToContainSeconds: number | null }[] }) {
  const max = Math.max(60, ...recent.map((item) => item.timeToContainSeconds ?? 0));
  return (
    <div className="flex h-40 items-end gap-2" role="img" aria-label="Time to contain over recent incidents">
      {recent.map((item) => {
        const height = item.timeToContainSeconds === null ? 100 : Math.max(4, (item.timeToContainSeconds / max) * 100);
        return (
          <Link key={item.id} href={`/incidents/${item.id}`} className="flex h-full flex-1 flex-col items-center justify-end gap-1" title={`${item.reference}: ${formatDuration(item.timeToContainSeconds)}`}>
            <span className="text-[10px] text-muted">{formatDuration(item.timeToContainSeconds)}</span>
            <span
              className={item.timeToContainSeconds === null ? "w-full rounded-t border-2 border-dashed border-danger" : "w-full rounded-t bg-accent"}
              style={{ height: `${height}%` }}
            />
            <span className="font-mono text-[10px] text-muted">{item.reference}</span>
          </Link>
        );
      })}
    </div>
  );
}
