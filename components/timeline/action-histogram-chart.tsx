"use client";
// Actions over time, stacked by outcome or sensitivity. Dragging across the bars
// selects a time window (the same as typing it in the From/To fields, which is the
// keyboard's way). The axes are HTML beside the picture: the SVG stretches to any width,
// which would distort text drawn inside it.
import { useRef, useState } from "react";
import type { Histogram } from "@/lib/actions/action-histogram";
import { bucketLabel, countTicks, niceCeiling, timeTicks } from "./histogram-axes";

const colours: Record<string, string> = {
  allowed: "var(--ok)",
  denied: "var(--warn)",
  error: "var(--danger)",
  public: "var(--muted)",
  internal: "var(--info)",
  confidential: "var(--warn)",
  restricted: "var(--danger)",
  none: "var(--border)",
};
const order = ["allowed", "denied", "error", "public", "internal", "confidential", "restricted", "none"];

export function ActionHistogramChart({ histogram, onSelect }: { histogram: Histogram; onSelect: (from: Date, to: Date) => void }) {
  const svg = useRef<SVGSVGElement>(null);
  const [drag, setDrag] = useState<{ start: number; end: number } | null>(null);
  const buckets = histogram.buckets;
  const peak = Math.max(0, ...buckets.map((bucket) => Object.values(bucket.counts).reduce((sum, value) => sum + value, 0)));
  const max = niceCeiling(peak);
  const total = buckets.reduce((sum, bucket) => sum + Object.values(bucket.counts).reduce((a, b) => a + b, 0), 0);
  const width = 1000;
  const height = 80;
  const barWidth = width / Math.max(1, buckets.length);

  const indexAt = (clientX: number) => {
    const rect = svg.current?.getBoundingClientRect();
    if (!rect) return 0;
    return Math.min(buckets.length - 1, Math.max(0, Math.floor(((clientX - rect.left) / rect.width) * buckets.length)));
  };
  function finish() {
    if (!drag) return;
    const [first, lastIndex] = [Math.min(drag.start, drag.end), Math.max(drag.start, drag.end)];
    const from = buckets[first];
    const to = buckets[lastIndex];
    setDrag(null);
    if (from && to) onSelect(new Date(from.start), new Date(new Date(to.start).getTime() + histogram.bucketSeconds * 1000));
  }
  const present = order.filter((key) => buckets.some((bucket) => bucket.counts[key]));
  const startMs = buckets[0] ? new Date(buckets[0].start).getTime() : new Date(histogram.from).getTime();
  const endMs = startMs + buckets.length * histogram.bucketSeconds * 1000;
  const times = timeTicks(startMs, endMs);
  const counts = countTicks(max);
  const per = bucketLabel(histogram.bucketSeconds);
  const range = `${histogram.from.slice(0, 16).replace("T", " ")} to ${histogram.to.slice(0, 16).replace("T", " ")} UTC`;

  return (
    <figure className="overflow-hidden rounded-lg border border-border bg-surface p-3">
      <figcaption className="mb-1 flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
        <span>
          {total.toLocaleString()} actions from {range} · one bar per {per} · drag to zoom
        </span>
        <span className="flex flex-wrap gap-x-3">
          {present.map((key) => (
            <span key={key} className="flex items-center gap-1">
              <span className="inline-block size-2 rounded-sm" style={{ background: colours[key] }} aria-hidden />
              {key}
            </span>
          ))}
        </span>
      </figcaption>
      <div className="grid grid-cols-[auto_minmax(0,1fr)] gap-x-2">
        <div aria-hidden className="relative h-20 min-w-6 font-mono text-[10px] leading-none text-muted" data-testid="histogram-count-axis">
          {counts.map((tick) => (
            <span key={tick.label} className="absolute right-0 translate-y-1/2" style={{ bottom: `${tick.at * 100}%` }}>
              {tick.label}
            </span>
          ))}
          {/* Sizes the column to the widest label. */}
          <span className="invisible">{counts.at(-1)?.label}</span>
        </div>
        <svg
          ref={svg}
          viewBox={`0 0 ${width} ${height}`}
          preserveAspectRatio="none"
          className="h-20 w-full cursor-crosshair touch-none select-none"
          role="img"
          aria-label={`Histogram of ${total} actions over time, ${range}, at most ${peak} per ${per}`}
          onPointerDown={(event) => {
            (event.target as Element).setPointerCapture?.(event.pointerId);
            const index = indexAt(event.clientX);
            setDrag({ start: index, end: index });
          }}
          onPointerMove={(event) => drag && setDrag({ ...drag, end: indexAt(event.clientX) })}
          onPointerUp={finish}
        >
          {counts.map((tick) => (
            <line key={tick.label} x1={0} x2={width} y1={height - tick.at * height} y2={height - tick.at * height} stroke="var(--border)" vectorEffect="non-scaling-stroke" />
          ))}
          {buckets.map((bucket, index) => {
            let y = height;
            return (
              <g key={bucket.start}>
                <title>
                  {bucket.start.slice(0, 19).replace("T", " ")}:{" "}
                  {Object.entries(bucket.counts)
                    .map(([key, value]) => `${value} ${key}`)
                    .join(", ") || "none"}
                </title>
                {order.map((key) => {
                  const value = bucket.counts[key] ?? 0;
                  if (!value) return null;
                  const barHeight = (value / max) * height;
                  y -= barHeight;
                  return <rect key={key} x={index * barWidth + 0.5} y={y} width={Math.max(1, barWidth - 1)} height={barHeight} fill={colours[key]} />;
                })}
              </g>
            );
          })}
          {drag ? (
            <rect
              x={Math.min(drag.start, drag.end) * barWidth}
              y={0}
              width={(Math.abs(drag.end - drag.start) + 1) * barWidth}
              height={height}
              fill="var(--ring)"
              opacity={0.15}
            />
          ) : null}
        </svg>
        <div />
        <div aria-hidden className="relative mt-1 h-4 font-mono text-[10px] text-muted" data-testid="histogram-time-axis">
          {times.map((tick, index) => (
            <span
              key={tick.at}
              // Every other label on a phone, so they do not run into each other; the
              // ones at the edges lean inwards instead of overflowing the chart.
              className={`absolute top-0 whitespace-nowrap border-border ${tick.at > 0.92 ? "border-r pr-0.5" : "border-l pl-0.5"} ${index % 2 ? "max-sm:hidden" : ""}`}
              style={{ left: `${tick.at * 100}%`, transform: tick.at > 0.92 ? "translateX(-100%)" : undefined }}
            >
              {tick.label}
            </span>
          ))}
        </div>
      </div>
    </figure>
  );
}
