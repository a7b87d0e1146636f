// Ticks for the histogram: round UTC times along the bottom, round counts up the side.
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const TIME_STEPS = [MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY];
const MAX_TIME_TICKS = 10;

export interface Tick {
  /** 0 to 1 along the axis. */
  at: number;
  label: string;
}

/** Whole hours and minutes as the rest of the page shows them (UTC); midnight shows the date. */
function timeLabel(ms: number, step: number): string {
  const iso = new Date(ms).toISOString();
  if (step >= DAY || ms % DAY === 0) return iso.slice(5, 10);
  return iso.slice(11, 16);
}

export function timeTicks(startMs: number, endMs: number): Tick[] {
  const span = endMs - startMs;
  if (span <= 0) return [];
  const step = TIME_STEPS.find((candidate) => span / candidate <= MAX_TIME_TICKS) ?? Math.ceil(span / MAX_TIME_TICKS / DAY) * DAY;
  const ticks: Tick[] = [];
  // Multiples of the step since the epoch fall on round UTC times.
  for (let ms = Math.ceil(startMs / step) * step; ms <= endMs; ms += step) {
    ticks.push({ at: (ms - startMs) / span, label: timeLabel(ms, step) });
  }
  return ticks;
}

/** The smallest 1, 2 or 5 times a power of ten that is at least `value`. */
export function niceCeiling(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return ([1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= value) ?? 10 * power);
}

const compact = new Intl.NumberFormat("en", { notation: "compact", maximumFractionDigits: 1 });

export function countTicks(top: number): Tick[] {
  const values = top >= 2 ? [0, top / 2, top] : [0, top];
  return values.map((value) => ({ at: value / top, label: compact.format(value) }));
}

export function bucketLabel(seconds: number): string {
  if (seconds % 86_400 === 0) return seconds === 86_400 ? "day" : `${seconds / 86_400} days`;
  if (seconds % 3600 === 0) return seconds === 3600 ? "hour" : `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
