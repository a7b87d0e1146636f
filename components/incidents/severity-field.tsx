"use client";
// The severity picker of every declaration dialog: each level with what it means.
import { severities, severityDefinitions } from "@/lib/incidents/vocabulary";

export function SeverityField({ value, onChange, disabled }: { value: string; onChange: (severity: string) => void; disabled?: boolean }) {
  return (
    <label className="flex flex-col gap-1">
      <span className="font-medium">Severity</span>
      <select value={value} disabled={disabled} onChange={(event) => onChange(event.target.value)} className="rounded-md border border-border bg-surface px-3 py-2">
        {severities.map((level) => (
          <option key={level} value={level}>
            {level}: {severityDefinitions[level].split(":")[0]}
          </option>
        ))}
      </select>
    </label>
  );
}
