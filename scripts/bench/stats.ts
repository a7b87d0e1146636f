// Pure numbers: percentiles, summaries and ratios. Kept free of I/O so it can be
// unit-tested (stats.test.ts) and trusted by every measurement.

/**
 * The p-th percentile (0-100) by the nearest-rank method: the smallest sample such
 * that at least p% of the samples are at or below it. Nearest rank never invents a
 * value that was not measured, which matters for p99 over a few dozen samples
 * (it is then simply the maximum).
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export interface Summary {
  count: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const count = samples.length;
  const mean = count ? samples.reduce((sum, value) => sum + value, 0) / count : Number.NaN;
  return {
    count,
    mean,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: count ? Math.max(...samples) : Number.NaN,
  };
}

/** Events per second over a wall-clock span in milliseconds. */
export function ratePerSecond(events: number, elapsedMs: number): number {
  return elapsedMs > 0 ? (events * 1000) / elapsedMs : Number.NaN;
}

/** value / baseline, or NaN when either side is missing (never Infinity). */
export function ratio(value: number, baseline: number): number {
  return Number.isFinite(value) && Number.isFinite(baseline) && baseline !== 0 ? value / baseline : Number.NaN;
}

/** Scales a full-run size down for --quick, never below a floor that still measures something. */
export function scaled(full: number, factor: number, floor = 1): number {
  return Math.max(floor, Math.round(full * factor));
}
