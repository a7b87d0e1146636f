// What a run reports: one figure per line, each beside the baseline measured in the
// same run (the machine is shared and noisy; a ratio to a same-run baseline says
// more than an absolute number), the target it is held to, and whether it met it.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ratio } from "./stats";

export interface Figure {
  /** Stable key, e.g. "ingest.api". */
  id: string;
  label: string;
  value: number;
  unit: string;
  baseline: { label: string; value: number; unit: string };
  /** value / baseline.value */
  ratio: number;
  /** e.g. "≥ 20,000/s and ratio ≥ 0.5"; pass is null when the figure is informational. */
  target: { text: string; pass: boolean | null };
  notes?: string[];
  details?: Record<string, unknown>;
}

export function figure(input: Omit<Figure, "ratio" | "target"> & { target?: Figure["target"] }): Figure {
  return { ...input, ratio: ratio(input.value, input.baseline.value), target: input.target ?? { text: "(informational)", pass: null } };
}

function formatNumber(value: number, unit: string): string {
  if (!Number.isFinite(value)) return "n/a";
  const digits = unit === "ms" ? (value < 10 ? 2 : value < 100 ? 1 : 0) : value < 10 ? 2 : value < 100 ? 1 : 0;
  return `${value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${unit}`.trim();
}

export function formatTable(figures: readonly Figure[]): string {
  const rows = [
    ["figure", "value", "baseline", "ratio", "target", "result"],
    ...figures.map((item) => [
      item.label,
      formatNumber(item.value, item.unit),
      `${item.baseline.label}: ${formatNumber(item.baseline.value, item.baseline.unit)}`,
      Number.isFinite(item.ratio) ? `${item.ratio.toFixed(2)}×` : "n/a",
      item.target.text,
      item.target.pass === null ? "–" : item.target.pass ? "pass" : "MISS",
    ]),
  ];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? "").length)));
  const line = (row: string[]) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
  return [line(rows[0]!), widths.map((width) => "-".repeat(width)).join("  "), ...rows.slice(1).map(line)].join("\n");
}

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  loadAverageAtStart: number[];
  node: string;
  platform: string;
  database: { kind: "postgres" | "pglite"; version: string; description: string };
  date: string;
}

export function machineInfo(database: MachineInfo["database"], loadAtStart: number[]): MachineInfo {
  return {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGb: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    loadAverageAtStart: loadAtStart.map((value) => Math.round(value * 100) / 100),
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    database,
    date: new Date().toISOString(),
  };
}

export function writeResults(file: string, content: unknown): string {
  const target = path.resolve(file);
  // NaN is not JSON; say "null" rather than lose the key.
  fs.writeFileSync(target, `${JSON.stringify(content, (_key, value) => (typeof value === "number" && !Number.isFinite(value) ? null : value), 2)}\n`);
  return target;
}
