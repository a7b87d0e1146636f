"use client";
// Declare an incident: from scratch, or prefilled from an agent or a timeline window.
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { ApiClientError } from "@/lib/http/api-client";
import { useDeclareIncidentMutation } from "@/lib/incidents/queries";
import { type Severity, severities, severityDefinitions } from "@/lib/incidents/vocabulary";

interface Props {
  agents: { id: string; name: string }[];
  preselected: { id: string; name: string }[];
  startedAt?: string;
  commander: string;
}

const toLocal = (iso?: string) => {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

export function DeclareIncidentForm({ agents, preselected, startedAt, commander }: Props) {
  const declare = useDeclareIncidentMutation();
  const [involved, setInvolved] = useState(preselected);
  const [pick, setPick] = useState("");
  const error = declare.error instanceof ApiClientError ? declare.error : null;

  function addPicked() {
    const agent = agents.find((candidate) => candidate.name.toLowerCase() === pick.trim().toLowerCase());
    if (agent && !involved.some((item) => item.id === agent.id)) setInvolved([...involved, agent]);
    setPick("");
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const started = String(form.get("startedAt") ?? "");
    declare.mutate({
      title: String(form.get("title") ?? ""),
      severity: String(form.get("severity") ?? "SEV1"),
      summary: String(form.get("summary") ?? ""),
      commander: String(form.get("commander") ?? "") || undefined,
      agentIds: involved.map((agent) => agent.id),
      ...(started ? { startedAt: new Date(started).toISOString() } : {}),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid max-w-3xl gap-5" aria-label="Declare incident">
      <TextField label="Title" name="title" required autoFocus error={error?.fieldError("title")} placeholder="Forum assistant exposed restricted data" />
      <fieldset>
        <legend className="mb-2 text-sm font-medium">Severity</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {severities.map((severity: Severity) => (
            <label key={severity} className="flex cursor-pointer gap-2 rounded-md border border-border bg-surface p-3 text-sm has-[:checked]:border-accent">
              <input type="radio" name="severity" value={severity} defaultChecked={severity === "SEV1"} />
              <span>
                <span className="font-semibold">{severity}</span>
                <span className="block text-xs text-muted">{severityDefinitions[severity]}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex flex-col gap-1.5">
        <label htmlFor="incident-summary" className="text-sm font-medium">
          Summary
        </label>
        <textarea id="incident-summary" name="summary" rows={3} className="rounded-md border border-border bg-surface px-3 py-2 text-sm" />
      </div>
      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Commander" name="commander" defaultValue={commander} error={error?.fieldError("commander")} />
        <TextField
          label="Impact started (your local time)"
          name="startedAt"
          type="datetime-local"
          defaultValue={toLocal(startedAt)}
          hint="Leave empty if it started when detected, now."
          error={error?.fieldError("startedAt")}
        />
      </div>
      <div className="flex flex-col gap-2">
        <span className="text-sm font-medium">Involved agents</span>
        <div className="flex flex-wrap gap-2">
          {involved.map((agent) => (
            <button
              key={agent.id}
              type="button"
              onClick={() => setInvolved(involved.filter((item) => item.id !== agent.id))}
              className="rounded-full bg-surface-2 px-2.5 py-1 text-xs hover:underline"
              aria-label={`Remove ${agent.name}`}
            >
              {agent.name} ✕
            </button>
          ))}
          {involved.length === 0 ? <span className="text-sm text-muted">none yet</span> : null}
        </div>
        <div className="flex gap-2">
          <input
            list="agent-names"
            value={pick}
            onChange={(event) => setPick(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                addPicked();
              }
            }}
            placeholder="Add an agent by name"
            aria-label="Add an agent by name"
            className="h-10 w-72 rounded-md border border-border bg-surface px-3 text-sm"
          />
          <datalist id="agent-names">
            {agents.map((agent) => (
              <option key={agent.id} value={agent.name} />
            ))}
          </datalist>
          <Button variant="secondary" onClick={addPicked}>
            Add
          </Button>
        </div>
      </div>
      {error && !error.details ? (
        <p role="alert" className="rounded-md bg-danger-bg px-3 py-2 text-sm text-danger">
          {error.message}
        </p>
      ) : null}
      <div>
        <Button type="submit" variant="danger" disabled={declare.isPending}>
          {declare.isPending ? "Declaring…" : "Declare incident"}
        </Button>
      </div>
    </form>
  );
}
