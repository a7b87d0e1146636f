"use client";
// Register or edit an agent. Errors from the server land next to their field.
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { useSaveAgentMutation } from "@/lib/agents/queries";
import type { PublicAgent } from "@/lib/agents/public-agent";
import { agentActsAs, agentEnvironments } from "@/lib/agents/vocabulary";
import { ApiClientError } from "@/lib/http/api-client";

const splitScopes = (value: string) =>
  value
    .split(/[\s,]+/)
    .map((scope) => scope.trim())
    .filter(Boolean);

export function AgentForm({ agent }: { agent?: PublicAgent }) {
  const save = useSaveAgentMutation(agent?.id);
  const [clientError, setClientError] = useState<Record<string, string>>({});
  const error = save.error instanceof ApiClientError ? save.error : null;
  const fieldError = (field: string) =>
    clientError[field] ?? error?.fieldError(field) ?? error?.details?.find((detail) => detail.path.startsWith(`${field}.`))?.message;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? "").trim();
    const missing: Record<string, string> = {};
    if (!value("name")) missing.name = "Give the agent a name.";
    if (!value("owner")) missing.owner = "Every agent needs an accountable owner.";
    setClientError(missing);
    if (Object.keys(missing).length) return;
    save.mutate({
      name: value("name"),
      owner: value("owner"),
      team: value("team"),
      environment: value("environment") as PublicAgent["environment"],
      platform: value("platform"),
      scopes: splitScopes(value("scopes")),
      actsAs: value("actsAs") as PublicAgent["actsAs"],
      description: value("description"),
      ...(agent && value("status") ? { status: value("status") as "active" | "retired" } : {}),
    });
  }

  return (
    <form onSubmit={submit} noValidate className="grid max-w-3xl gap-5 sm:grid-cols-2" aria-label={agent ? "Edit agent" : "Register agent"}>
      <TextField label="Name" name="name" defaultValue={agent?.name} required autoFocus error={fieldError("name")} />
      <TextField
        label="Owner (accountable human)"
        name="owner"
        defaultValue={agent?.owner}
        required
        placeholder="dana.kim@example.com"
        error={fieldError("owner")}
      />
      <TextField label="Team" name="team" defaultValue={agent?.team} error={fieldError("team")} />
      <TextField label="Platform or framework" name="platform" defaultValue={agent?.platform} placeholder="LangGraph, Claude Agent SDK…" error={fieldError("platform")} />
      <SelectField label="Environment" name="environment" defaultValue={agent?.environment ?? "prod"}>
        {agentEnvironments.map((environment) => (
          <option key={environment} value={environment}>
            {environment}
          </option>
        ))}
      </SelectField>
      <SelectField label="Acts as" name="actsAs" defaultValue={agent?.actsAs ?? "self"}>
        {agentActsAs.map((actsAs) => (
          <option key={actsAs} value={actsAs}>
            {actsAs === "self" ? "itself (its own identity)" : "on behalf of the users who invoke it"}
          </option>
        ))}
      </SelectField>
      <TextField
        className="sm:col-span-2"
        label="Scopes"
        name="scopes"
        defaultValue={agent?.scopes.join(" ")}
        placeholder="forum:read forum:post docs:read"
        hint="Separated by spaces or commas. Risk is derived from them: permission changes, restricted data and wildcards are high."
        error={fieldError("scopes")}
      />
      <div className="flex flex-col gap-1.5 sm:col-span-2">
        <label htmlFor="agent-description" className="text-sm font-medium">
          Description
        </label>
        <textarea
          id="agent-description"
          name="description"
          rows={3}
          defaultValue={agent?.description}
          className="rounded-md border border-border bg-surface px-3 py-2 text-sm"
        />
      </div>
      {agent && agent.status !== "suspended" ? (
        <SelectField label="Status" name="status" defaultValue={agent.status}>
          <option value="active">active</option>
          <option value="retired">retired (its tokens stop working)</option>
        </SelectField>
      ) : null}
      {error && !error.details ? (
        <p role="alert" className="rounded-md bg-danger-bg px-3 py-2 text-sm text-danger sm:col-span-2">
          {error.message}
        </p>
      ) : null}
      <div className="flex gap-3 sm:col-span-2">
        <Button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : agent ? "Save changes" : "Register agent"}
        </Button>
      </div>
    </form>
  );
}
