"use client";
// Search and filters for the inventory. Every change goes into the URL, so a view can
// be shared in an incident channel and survives a reload; "/" jumps to the search box.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { agentEnvironments, agentStatuses, riskLevels } from "@/lib/agents/vocabulary";

const selectClass = "h-9 rounded-md border border-border bg-surface px-2 text-sm";

export function InventoryFilters({ owners, teams }: { owners: string[]; teams: string[] }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [q, setQ] = useState(params.get("q") ?? "");
  const search = useRef<HTMLInputElement>(null);

  function update(changes: Record<string, string>) {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    next.delete("page"); // a new filter starts on the first page
    startTransition(() => router.replace(`${pathname}?${next}`, { scroll: false }));
  }

  useEffect(() => {
    if (q === (params.get("q") ?? "")) return;
    const timer = setTimeout(() => update({ q }), 250);
    return () => clearTimeout(timer);
  });

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (event.key === "/" && !target?.closest("input, textarea, select")) {
        event.preventDefault();
        search.current?.focus();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const select = (name: string, label: string, options: readonly string[]) => (
    <label className="flex flex-col gap-1 text-xs font-medium text-muted">
      {label}
      <select aria-label={label} className={selectClass} value={params.get(name) ?? ""} onChange={(event) => update({ [name]: event.target.value })}>
        <option value="">All</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {option}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <div className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-busy={pending}>
      <label className="flex min-w-56 flex-1 flex-col gap-1 text-xs font-medium text-muted">
        Search
        <input
          ref={search}
          type="search"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          placeholder="Name, owner, team or description   ( / )"
          className="h-9 rounded-md border border-border bg-surface px-3 text-sm text-fg"
        />
      </label>
      {select("status", "Status", agentStatuses)}
      {select("risk", "Risk", riskLevels)}
      {select("environment", "Environment", agentEnvironments)}
      {select("team", "Team", teams)}
      {select("owner", "Owner", owners)}
      {pending ? <span className="pb-2 text-xs text-muted">Updating…</span> : null}
    </div>
  );
}
