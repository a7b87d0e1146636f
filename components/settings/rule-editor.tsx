"use client";
// One rule in Settings: on or off, severity, what the circuit breaker does, its
// thresholds, and which agents and environments it watches. Saved as one change.
import { type FormEvent, useEffect, useState } from "react";
import { AlertSeverityBadge } from "@/components/alerts/alert-badges";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { agentEnvironments } from "@/lib/agents/vocabulary";
import { ApiClientError } from "@/lib/http/api-client";
import type { PublicRule } from "@/lib/rules/public-rule";
import { useUpdateRule } from "@/lib/rules/queries";
import { alertSeverities, ruleResponseLabels, ruleResponses, type RuleResponse } from "@/lib/rules/vocabulary";

type Field = PublicRule["fields"][number];
const input = "h-9 rounded-md border border-border bg-surface px-2 text-sm";

function ParamInput({ field, value, onChange }: { field: Field; value: unknown; onChange: (value: unknown) => void }) {
  const id = `param-${field.name}`;
  if (field.type === "number") {
    return <input id={id} type="number" min={field.min} max={field.max} step="any" value={String(value ?? "")} onChange={(event) => onChange(Number(event.target.value))} className={`${input} w-32`} />;
  }
  if (field.type === "choice") {
    return (
      <select id={id} value={String(value ?? "")} onChange={(event) => onChange(event.target.value)} className={input}>
        {field.options.map((option) => (
          <option key={option}>{option}</option>
        ))}
      </select>
    );
  }
  if (field.type === "choices") {
    const selected = new Set((value as string[] | undefined) ?? []);
    return (
      <span id={id} className="flex flex-wrap gap-3">
        {field.options.map((option) => (
          <label key={option} className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={selected.has(option)} onChange={(event) => onChange(field.options.filter((item) => (item === option ? event.target.checked : selected.has(item))))} />
            {option}
          </label>
        ))}
      </span>
    );
  }
  return (
    <input
      id={id}
      value={((value as string[] | undefined) ?? []).join(", ")}
      onChange={(event) => onChange(event.target.value.split(",").map((word) => word.trim()).filter(Boolean))}
      className={`${input} w-full`}
    />
  );
}

export function RuleEditor({ rule, agents }: { rule: PublicRule; agents: { id: string; name: string }[] }) {
  const update = useUpdateRule(rule.key);
  const [enabled, setEnabled] = useState(rule.enabled);
  const [severity, setSeverity] = useState(rule.severity);
  const [response, setResponse] = useState(rule.response);
  const [params, setParams] = useState<Record<string, unknown>>(rule.params);
  const [exclude, setExclude] = useState<string[]>(rule.agents.exclude);
  const [environments, setEnvironments] = useState<string[]>(rule.environments);
  const [saved, setSaved] = useState(false);
  const error = update.error instanceof ApiClientError ? update.error : null;
  // Someone saved (here or elsewhere): show what is stored now.
  useEffect(() => {
    setEnabled(rule.enabled);
    setSeverity(rule.severity);
    setResponse(rule.response);
    setParams(rule.params);
    setExclude(rule.agents.exclude);
    setEnvironments(rule.environments);
    // updatedAt stands for the stored rule: a refetch of the same rule keeps the form as typed.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [rule.updatedAt]);

  function submit(event: FormEvent) {
    event.preventDefault();
    setSaved(false);
    update.mutate({ enabled, severity, response, params, agents: { exclude }, environments }, { onSuccess: () => setSaved(true) });
  }

  return (
    <li className="py-4" data-testid="rule" data-rule={rule.key}>
      <form onSubmit={submit} aria-label={`Rule ${rule.name}`}>
        <div className="flex flex-wrap items-start justify-between gap-3">
          <div className="min-w-0 flex-1">
            <p className="flex flex-wrap items-center gap-2 font-medium">
              {rule.name} <span className="font-mono text-xs text-muted">{rule.key}</span> <AlertSeverityBadge severity={rule.severity} />
              {!rule.enabled ? <Badge>off</Badge> : rule.response !== "alert" ? <Badge tone="danger">{rule.response === "contain" ? "contains automatically" : "declares automatically"}</Badge> : null}
            </p>
            <p className="mt-1 max-w-3xl text-sm text-muted">{rule.description}</p>
          </div>
          <label className="flex items-center gap-2 text-sm font-medium">
            <input type="checkbox" checked={enabled} onChange={(event) => setEnabled(event.target.checked)} aria-label={`${rule.name} enabled`} />
            Enabled
          </label>
        </div>
        <div className="mt-3 flex flex-wrap gap-4 text-sm">
          <label className="flex flex-col gap-1">
            <span className="font-medium">Severity</span>
            <select value={severity} onChange={(event) => setSeverity(event.target.value)} className={input}>
              {alertSeverities.map((level) => (
                <option key={level}>{level}</option>
              ))}
            </select>
          </label>
          <label className="flex flex-col gap-1">
            <span className="font-medium">When it fires</span>
            <select value={response} onChange={(event) => setResponse(event.target.value)} className={input} aria-label={`${rule.name}: when it fires`}>
              {ruleResponses.map((option) => (
                <option key={option} value={option}>
                  {ruleResponseLabels[option as RuleResponse]}
                </option>
              ))}
            </select>
          </label>
          {rule.fields.map((field) => (
            <div key={field.name} className="flex flex-col gap-1">
              <label htmlFor={`param-${field.name}`} className="font-medium">
                {field.label}
              </label>
              <ParamInput field={field} value={params[field.name]} onChange={(value) => setParams((current) => ({ ...current, [field.name]: value }))} />
              {field.help ? <span className="max-w-sm text-xs text-muted">{field.help}</span> : null}
            </div>
          ))}
        </div>
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-muted">Which agents and environments it watches</summary>
          <div className="mt-2 flex flex-wrap gap-6">
            <fieldset>
              <legend className="font-medium">Environments (none ticked: all)</legend>
              <span className="mt-1 flex gap-3">
                {agentEnvironments.map((environment) => (
                  <label key={environment} className="flex items-center gap-1">
                    <input
                      type="checkbox"
                      checked={environments.includes(environment)}
                      onChange={(event) => setEnvironments((current) => (event.target.checked ? [...current, environment] : current.filter((item) => item !== environment)))}
                    />
                    {environment}
                  </label>
                ))}
              </span>
            </fieldset>
            <label className="flex flex-col gap-1">
              <span className="font-medium">Agents it ignores</span>
              <select
                multiple
                size={5}
                value={exclude}
                onChange={(event) => setExclude([...event.target.selectedOptions].map((option) => option.value))}
                className="min-w-64 rounded-md border border-border bg-surface p-1"
              >
                {agents.map((agent) => (
                  <option key={agent.id} value={agent.id}>
                    {agent.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </details>
        <div className="mt-3 flex items-center gap-3">
          <Button type="submit" size="sm" disabled={update.isPending}>
            Save {rule.key}
          </Button>
          {saved && !update.isPending ? (
            <span role="status" className="text-sm text-ok">
              Saved; applies to the next action.
            </span>
          ) : null}
          {error ? (
            <span role="alert" className="text-sm text-danger">
              {error.message} {error.details?.map((detail) => `${detail.path}: ${detail.message}`).join("; ")}
            </span>
          ) : null}
          {rule.updatedBy ? <span className="text-xs text-muted">Last changed by {rule.updatedBy}</span> : null}
        </div>
      </form>
    </li>
  );
}
