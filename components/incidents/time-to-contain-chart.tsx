import Link from "next/link";
import { formatDuration } from "@/lib/reports/format-duration";

/** What a responder aims for: every involved agent contained within a minute of the impact. */
export const TARGET_SECONDS = 60;
const TARGET_LABEL = "target 1 min";

interface RecentIncident {
  reference: string;
  id: string;
  timeToContainSeconds: number | null;
}

/** The axis end: the longest time rounded up to a step a reader can say out loud. */
function axisEnd(longest: number): number {
  const steps = [60, 120, 300, 600, 900, 1800, 3600, 5400, 7200, 10_800, 14_400, 21_600, 43_200, 86_400];
  return steps.find((step) => step >= longest) ?? Math.ceil(longest / 86_400) * 86_400;
}

/**
 * Time to contain over recent incidents, one bar per incident, each row a link to it.
 * The scale is linear: the question is "how far past the target, and is it getting
 * better", and a log scale would draw 1h 58m and 2h 20m nearly alike again. The price is
 * that the one-minute target sits close to zero when incidents take hours, which is the
 * honest picture. A plain list with bars, not an image, so every link and every figure
 * is read out as it is shown; open incidents show a dashed outline across the track.
 */
export function TimeToContainChart({ recent }: { recent: RecentIncident[] }) {
  const end = axisEnd(Math.max(TARGET_SECONDS, ...recent.map((item) => item.timeToContainSeconds ?? 0)));
  const at = (seconds: number) => `${(seconds / end) * 100}%`;
  const targetLine = <span aria-hidden className="absolute inset-y-0 w-px bg-fg" style={{ left: at(TARGET_SECONDS) }} />;
  // The label points at the line from whichever side has room.
  const targetOnLeft = TARGET_SECONDS / end <= 0.5;
  return (
    <div className="grid grid-cols-[auto_minmax(0,1fr)_auto] gap-x-3 text-xs" data-testid="time-to-contain-chart">
      <span aria-hidden />
      <span className="relative h-4">
        <span
          className="absolute whitespace-nowrap"
          style={targetOnLeft ? { left: at(TARGET_SECONDS) } : { right: `${100 - (TARGET_SECONDS / end) * 100}%` }}
        >
          {targetOnLeft ? <span aria-hidden>← </span> : null}
          {TARGET_LABEL}
          {targetOnLeft ? null : <span aria-hidden> →</span>}
        </span>
      </span>
      <span aria-hidden />
      <ol className="col-span-3 grid grid-cols-subgrid">
        {recent.map((item) => (
          <li key={item.id} className="col-span-3 grid grid-cols-subgrid items-center">
            <Link href={`/incidents/${item.id}`} className="py-1 font-mono text-muted hover:underline">
              {item.reference}
            </Link>
            <span className="relative flex h-full items-center">
              <span
                data-testid="time-to-contain-bar"
                data-seconds={item.timeToContainSeconds ?? ""}
                className={item.timeToContainSeconds === null ? "h-3 w-full rounded-r border-2 border-dashed border-danger" : "h-3 rounded-r bg-accent"}
                style={item.timeToContainSeconds === null ? undefined : { width: `max(2px, ${at(item.timeToContainSeconds)})` }}
              />
              {targetLine}
            </span>
            <span className="text-right tabular-nums">{item.timeToContainSeconds === null ? "not yet contained" : formatDuration(item.timeToContainSeconds)}</span>
          </li>
        ))}
      </ol>
      <span aria-hidden />
      <span aria-hidden className="relative mt-1 h-4 border-t border-border text-muted">
        <span className="absolute left-0">0</span>
        <span className="absolute left-1/2 -translate-x-1/2">{formatDuration(end / 2)}</span>
        <span className="absolute right-0">{formatDuration(end)}</span>
      </span>
      <span aria-hidden />
    </div>
  );
}
