"use client";
// The agent filter: type part of a name, pick from what GET /api/v1/agents finds.
// A combobox in the ARIA pattern (list autocomplete), so it works from the keyboard:
// arrows move, Enter picks, Escape closes; Clear removes the filter.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { clsx } from "clsx";
import { useEffect, useId, useState } from "react";
import type { AgentPage } from "@/lib/agents/list-agents";
import type { PublicAgent } from "@/lib/agents/public-agent";
import { agentKeys } from "@/lib/agents/query-keys";
import { apiFetch } from "@/lib/http/api-client";

const control = "h-9 rounded-md border border-border bg-surface px-2 text-sm";

function useAgentSearch(q: string, enabled: boolean) {
  return useQuery({
    queryKey: [...agentKeys.all, "picker", q],
    queryFn: () =>
      apiFetch<AgentPage>(`/api/v1/agents?${new URLSearchParams({ q, pageSize: "20", sort: "name" })}`).then((page) => page.agents),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });
}

/** The chosen agent's name, when the page was opened from a link with only its id. */
function useAgentName(agentId: string | undefined, known: string | null | undefined) {
  const query = useQuery({
    queryKey: [...agentKeys.all, agentId, "name"],
    queryFn: () => apiFetch<PublicAgent>(`/api/v1/agents/${encodeURIComponent(agentId ?? "")}`).then((agent) => agent.name),
    enabled: Boolean(agentId) && !known,
    staleTime: Infinity,
    retry: false,
  });
  return known ?? query.data ?? null;
}

interface Props {
  agentId?: string;
  agentName?: string | null;
  onChange: (agentId: string) => void;
}

export function AgentPicker({ agentId, agentName, onChange }: Props) {
  const id = useId();
  const chosenName = useAgentName(agentId, agentName);
  const [text, setText] = useState(chosenName ?? "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [q, setQ] = useState("");
  // What the list should answer: nothing typed beyond the chosen name means all agents.
  const wanted = text === chosenName ? "" : text.trim();
  // Ask once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(wanted), 200);
    return () => clearTimeout(timer);
  }, [wanted]);
  // The URL is the truth: a new agentId (or none) shows its name.
  useEffect(() => setText(chosenName ?? (agentId ? agentId : "")), [agentId, chosenName]);

  const search = useAgentSearch(q, open);
  // Only the answer for what is typed now: an older list (typing not settled yet, or the
  // previous answer kept while the next loads) must not be what the arrows and Enter pick.
  const settled = q === wanted && !search.isPlaceholderData;
  const options = settled ? (search.data ?? []) : [];

  function pick(agent: PublicAgent) {
    setOpen(false);
    setText(agent.name);
    if (agent.id !== agentId) onChange(agent.id);
  }
  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((index) => (options.length ? (index + step + options.length) % options.length : 0));
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      const agent = options[active];
      if (agent) pick(agent);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      setOpen(false);
      setText(chosenName ?? agentId ?? "");
    }
  }

  const listId = `${id}-agents`;
  const activeId = open && options[active] ? `${id}-agent-${options[active].id}` : undefined;
  return (
    <div className="flex flex-col gap-1 text-xs font-medium text-muted">
      <label htmlFor={`${id}-input`}>Agent</label>
      <div className="relative flex items-center gap-1">
        <input
          id={`${id}-input`}
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={activeId}
          autoComplete="off"
          placeholder="All agents"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
            setOpen(true);
          }}
          onFocus={(event) => event.target.select()}
          onClick={() => setOpen(true)}
          onBlur={() => {
            setOpen(false);
            setText(chosenName ?? agentId ?? "");
          }}
          onKeyDown={onKeyDown}
          className={`${control} w-48 font-normal text-fg`}
        />
        {agentId ? (
          <button
            type="button"
            onClick={() => onChange("")}
            className="h-9 rounded-md px-2 text-xs font-medium text-muted hover:bg-surface-2 hover:text-fg"
          >
            Clear agent
          </button>
        ) : null}
        {open ? (
          <ul
            id={listId}
            role="listbox"
            aria-label="Agents"
            className="absolute left-0 top-10 z-20 max-h-72 w-64 max-w-[calc(100vw-2rem)] overflow-y-auto rounded-md border border-border bg-surface py-1 text-sm font-normal text-fg shadow-lg"
          >
            {options.map((agent, index) => (
              <li
                key={agent.id}
                id={`${id}-agent-${agent.id}`}
                role="option"
                aria-selected={index === active}
                // Picking on mouse down, before the input's blur closes the list.
                onMouseDown={(event) => {
                  event.preventDefault();
                  pick(agent);
                }}
                onMouseEnter={() => setActive(index)}
                className={clsx("cursor-pointer px-3 py-1.5", index === active && "bg-surface-2")}
              >
                <span className="block truncate">{agent.name}</span>
                <span className="block truncate text-xs text-muted">
                  {agent.team} · {agent.environment}
                </span>
              </li>
            ))}
            {options.length === 0 ? (
              <li role="presentation" className="px-3 py-1.5 text-muted">
                {!settled || search.isFetching ? "Searching…" : "No agent matches."}
              </li>
            ) : null}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
