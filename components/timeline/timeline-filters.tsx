"use client";
// Filters of the timeline; each change lands in the URL.
import Link from "next/link";
import { type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { TimelineFilter } from "@/lib/actions/timeline-params";
import { actionKinds, outcomes, sensitivities } from "@/lib/actions/vocabulary";
import { kindLabel } from "./action-badges";
import { AgentPicker } from "./agent-picker";

const control = "h-9 rounded-md border border-border bg-surface px-2 text-sm";

/** datetime-local works in local time; the URL and API speak UTC ISO. */
const toLocalInput = (iso?: string) => {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : "");

interface Props {
  filter: TimelineFilter;
  agentName?: string | null;
  fixedAgent: boolean;
  onChange: (changes: TimelineFilter) => void;
}

export function TimelineFilters({ filter, agentName, fixedAgent, onChange }: Props) {
  function submitText(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    onChange({
      q: String(form.get("q") ?? ""),
      onBehalfOf: String(form.get("onBehalfOf") ?? ""),
      from: fromLocalInput(String(form.get("from") ?? "")),
      to: fromLocalInput(String(form.get("to") ?? "")),
    });
  }
  const select = (key: "kind" | "sensitivity" | "outcome", label: string, values: readonly string[], names?: Record<string, string>) => (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted">
      {label}
      <select aria-label={label} className={control} value={filter[key] ?? ""} onChange={(event) => onChange({ [key]: event.target.value })}>
        <option value="">All</option>
        {values.map((value) => (
          <option key={value} value={value}>
            {names?.[value] ?? value}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="mb-3 flex flex-col gap-3">
      <div className="flex flex-wrap items-end gap-3">
        {fixedAgent ? null : <AgentPicker agentId={filter.agentId} agentName={agentName} onChange={(agentId) => onChange({ agentId })} />}
        {select("kind", "Kind", actionKinds, kindLabel)}
        {select("sensitivity", "Sensitivity", sensitivities)}
        {select("outcome", "Outcome", outcomes)}
        <form key={JSON.stringify(filter)} onSubmit={submitText} className="flex flex-wrap items-end gap-3" role="search">
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            Text
            <input name="q" defaultValue={filter.q} placeholder="summary, tool, target" className={`${control} w-48`} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            On behalf of
            <input name="onBehalfOf" defaultValue={filter.onBehalfOf} placeholder="person" className={`${control} w-40`} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            From
            <input type="datetime-local" name="from" defaultValue={toLocalInput(filter.from)} className={control} />
          </label>
          <label className="flex flex-col gap-1 text-xs font-medium text-muted">
            To
            <input type="datetime-local" name="to" defaultValue={toLocalInput(filter.to)} className={control} />
          </label>
          <Button type="submit" size="sm" variant="secondary" className="h-9">
            Apply
          </Button>
        </form>
      </div>
      {filter.from || filter.to ? (
        <div className="flex flex-wrap gap-2 text-xs">
          {filter.from || filter.to ? (
            <button type="button" onClick={() => onChange({ from: "", to: "" })} className="rounded-full bg-surface-2 px-2 py-1 hover:underline">
              window: {filter.from?.slice(0, 16).replace("T", " ") ?? "…"} → {filter.to?.slice(0, 16).replace("T", " ") ?? "now"} UTC ✕
            </button>
          ) : null}
          {filter.from ? (
            <Link
              href={`/incidents/new?startedAt=${encodeURIComponent(filter.from)}${filter.agentId ? `&agentId=${filter.agentId}` : ""}`}
              className="rounded-full bg-danger-bg px-2 py-1 text-danger hover:underline"
            >
              Declare an incident from this selection
            </Link>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
