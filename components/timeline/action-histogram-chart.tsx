"use client";
// Actions over time, stacked by outcome or sensitivity. Dragging across the bars
// selects a time window (the same as typing it in the From/To fields).
import { useRef, useState } from "react";
import type { Histogram } from "@/lib/actions/action-histogram";

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
  const max = Math.max(1, ...buckets.map((bucket) => Object.values(bucket.counts).reduce((sum, value) => sum + value, 0)));
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

  return (
    <figure className="rounded-lg border border-border bg-surface p-3">
      <figcaption className="mb-1 flex flex-wrap items-center justify-between gap-2 text-xs text-muted">
        <span>
          {total.toLocaleString()} actions from {histogram.from.slice(0, 16).replace("T", " ")} to {histogram.to.slice(0, 16).replace("T", " ")} UTC ·
          drag to zoom
        </span>
        <span className="flex gap-3">
          {present.map((key) => (
            <span key={key} className="flex items-center gap-1">
              <span className="inline-block size-2 rounded-sm" style={{ background: colours[key] }} aria-hidden />
              {key}
            </span>
          ))}
        </span>
      </figcaption>
      <svg
        ref={svg}
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        className="h-20 w-full cursor-crosshair touch-none select-none"
        role="img"
        aria-label={`Histogram of ${total} actions over time`}
        onPointerDown={(event) => {
          (event.target as Element).setPointerCapture?.(event.pointerId);
          const index = indexAt(event.clientX);
          setDrag({ start: index, end: index });
        }}
        onPointerMove={(event) => drag && setDrag({ ...drag, end: indexAt(event.clientX) })}
        onPointerUp={finish}
      >
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
                const barHeight = (value / max) * (height - 4);
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
    </figure>
  );
}
