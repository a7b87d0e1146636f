"use client";
// Ctrl/⌘+K: find an agent, an incident or an action by what you remember of it, and
// go there. Arrow keys move, Enter opens, Escape closes.
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import type { ActionPage } from "@/lib/actions/list-actions";
import type { AgentPage } from "@/lib/agents/list-agents";
import { formatUtc } from "@/lib/format-time";
import { apiFetch } from "@/lib/http/api-client";
import type { IncidentList } from "@/lib/incidents/list-incidents";
import { navItems } from "./nav-items";

interface Hit {
  group: "Go to" | "Agents" | "Incidents" | "Actions";
  label: string;
  detail?: string;
  href: string;
}

const MINUTE = 60_000;

function useHits(q: string): { hits: Hit[]; loading: boolean } {
  const [term, setTerm] = useState(q);
  useEffect(() => {
    const timer = setTimeout(() => setTerm(q.trim()), 150);
    return () => clearTimeout(timer);
  }, [q]);
  const enabled = term.length > 0;
  const search = encodeURIComponent(term);
  const agents = useQuery({ queryKey: ["agents", "palette", term], queryFn: () => apiFetch<AgentPage>(`/api/v1/agents?q=${search}&pageSize=5`), enabled });
  const incidents = useQuery({ queryKey: ["incidents", "palette", term], queryFn: () => apiFetch<IncidentList>(`/api/v1/incidents?q=${search}&limit=5`), enabled });
  const actions = useQuery({ queryKey: ["actions", "palette", term], queryFn: () => apiFetch<ActionPage>(`/api/v1/actions?q=${search}&limit=5`), enabled });
  const lower = term.toLowerCase();
  const hits: Hit[] = [
    ...navItems.filter((item) => !lower || item.label.toLowerCase().includes(lower)).map((item): Hit => ({ group: "Go to", label: item.label, href: item.href })),
    ...(enabled ? (agents.data?.agents ?? []) : []).map((agent): Hit => ({ group: "Agents", label: agent.name, detail: `${agent.status} · ${agent.owner}`, href: `/agents/${agent.id}` })),
    ...(enabled ? (incidents.data?.incidents ?? []) : []).map(
      (incident): Hit => ({ group: "Incidents", label: `${incident.reference} ${incident.title}`, detail: `${incident.severity} · ${incident.status}`, href: `/incidents/${incident.id}` }),
    ),
    ...(enabled ? (actions.data?.actions ?? []) : []).map((action): Hit => {
      const at = new Date(action.occurredAt).getTime();
      const params = new URLSearchParams({ q: term, from: new Date(at - MINUTE).toISOString(), to: new Date(at + MINUTE).toISOString() });
      if (action.agent) params.set("agentId", action.agent);
      return { group: "Actions", label: action.summary ?? action.tool ?? action.kind, detail: `${action.agentName ?? action.actor.id} · ${formatUtc(action.occurredAt)}`, href: `/timeline?${params}` };
    }),
  ];
  return { hits, loading: enabled && (agents.isFetching || incidents.isFetching || actions.isFetching) };
}

export function CommandPalette() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState("");
  const [active, setActive] = useState(0);
  const { hits, loading } = useHits(open ? q : "");
  const listId = useId();

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === "k") {
        event.preventDefault();
        setOpen(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => setActive(0), [q, hits.length]);

  const close = () => {
    setOpen(false);
    setQ("");
  };
  const go = (hit: Hit | undefined) => {
    if (!hit) return;
    close();
    router.push(hit.href);
  };

  return (
    <>
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="flex items-center gap-2 rounded-md border border-border px-2 py-1 text-sm text-muted hover:bg-surface-2"
        aria-keyshortcuts="Control+K Meta+K"
      >
        <span>Search</span>
        <kbd className="hidden rounded bg-surface-2 px-1 font-mono text-xs sm:inline">Ctrl K</kbd>
      </button>
      <Dialog open={open} onClose={close} title="Find an agent, incident or action">
        <input
          autoFocus
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
          aria-label="Search agents, incidents and actions"
          placeholder="Agent name, INC-7, words of an action…"
          value={q}
          onChange={(event) => setQ(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") {
              event.preventDefault();
              setActive((index) => Math.min(index + 1, hits.length - 1));
            } else if (event.key === "ArrowUp") {
              event.preventDefault();
              setActive((index) => Math.max(index - 1, 0));
            } else if (event.key === "Enter") {
              event.preventDefault();
              go(hits[active]);
            }
          }}
          className="w-full rounded-md border border-border bg-surface px-3 py-2 text-sm"
        />
        <ul id={listId} role="listbox" aria-label="Results" className="mt-3 max-h-80 overflow-y-auto text-sm">
          {hits.map((hit, index) => (
            <li
              key={`${hit.group}-${hit.href}-${index}`}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              onMouseEnter={() => setActive(index)}
              onClick={() => go(hit)}
              className={`flex cursor-pointer items-baseline gap-2 rounded px-2 py-1.5 ${index === active ? "bg-surface-2" : ""}`}
            >
              <span className="w-16 shrink-0 text-xs text-muted">{hit.group}</span>
              <span className="min-w-0 flex-1 truncate">{hit.label}</span>
              {hit.detail ? <span className="hidden shrink-0 text-xs text-muted sm:inline">{hit.detail}</span> : null}
            </li>
          ))}
        </ul>
        <p className="mt-2 text-xs text-muted" aria-live="polite">
          {loading ? "Searching…" : q.trim() && hits.length === 0 ? "Nothing found." : "↑ ↓ to move, Enter to open, Esc to close."}
        </p>
      </Dialog>
    </>
  );
}
