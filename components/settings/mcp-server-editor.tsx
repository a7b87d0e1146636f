"use client";
// One server's policies beside the tools its upstream offers (tools/list, fetched through
// Tourniquet, which holds the credentials) and the annotations the upstream declares.
// If the upstream cannot be reached the policies stay editable: a tool can be named by hand.
import { type FormEvent, useState } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { actionKinds, sensitivities } from "@/lib/actions/vocabulary";
import { notApplied } from "@/lib/http/api-client";
import type { UpstreamTool } from "@/lib/mcp-gateway/list-upstream-tools";
import type { PublicMcpServer } from "@/lib/mcp-gateway/public-mcp-server";
import { useUpdateMcpServerMutation, useUpstreamToolsQuery } from "@/lib/mcp-gateway/queries";
import { type CaptureMode, type ToolPolicy, type ToolSettings, toolPolicies } from "@/lib/mcp-gateway/vocabulary";

const hints: { key: "readOnlyHint" | "destructiveHint" | "idempotentHint" | "openWorldHint"; label: string; tone: BadgeTone }[] = [
  { key: "readOnlyHint", label: "read-only", tone: "ok" },
  { key: "destructiveHint", label: "destructive", tone: "danger" },
  { key: "idempotentHint", label: "idempotent", tone: "neutral" },
  { key: "openWorldHint", label: "open world", tone: "warn" },
];

/** The annotations as the upstream declared them; undeclared ones are not guessed. */
function Annotations({ tool, listed, unreachable }: { tool: UpstreamTool | undefined; listed: boolean; unreachable: boolean }) {
  const declared = hints.filter((hint) => typeof tool?.annotations?.[hint.key] === "boolean");
  if (!listed) return unreachable ? <span className="text-xs text-muted">annotations unknown (upstream unreachable)</span> : null;
  if (!tool) return <span className="text-xs text-muted">not offered by the upstream now</span>;
  if (!declared.length) return <span className="text-xs text-muted">no annotations</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {declared.map((hint) => (
        <span key={hint.key} title={`${hint.key}: ${String(tool.annotations?.[hint.key])}`}>
          <Badge tone={tool.annotations?.[hint.key] ? hint.tone : "neutral"}>{tool.annotations?.[hint.key] ? hint.label : `not ${hint.label}`}</Badge>
        </span>
      ))}
    </span>
  );
}

export function McpServerEditor({ server }: { server: PublicMcpServer }) {
  const upstream = useUpstreamToolsQuery(server.id);
  const update = useUpdateMcpServerMutation(server.id);
  const [defaultPolicy, setDefaultPolicy] = useState<ToolPolicy>(server.defaultPolicy);
  const [capture, setCapture] = useState<CaptureMode>(server.capture);
  const [tools, setTools] = useState<Record<string, ToolSettings>>(server.tools);
  const [extra, setExtra] = useState("");
  const [saved, setSaved] = useState<string | null>(null);

  const offered = new Map((upstream.data ?? []).map((tool) => [tool.name, tool]));
  const names = [...new Set([...offered.keys(), ...Object.keys(tools)])];

  function setTool(name: string, change: Partial<ToolSettings>) {
    setSaved(null);
    setTools((current) => {
      const next = { ...current[name], ...change };
      for (const key of Object.keys(next) as (keyof ToolSettings)[]) if (!next[key]) delete next[key];
      return { ...current, [name]: next };
    });
  }

  function save(event: FormEvent) {
    event.preventDefault();
    // Tools left at every default are not stored: the default policy then applies to them.
    const kept = Object.fromEntries(Object.entries(tools).filter(([, settings]) => Object.keys(settings).length));
    update.mutate(
      { defaultPolicy, capture, tools: kept },
      {
        onSuccess: (row) => {
          const denied = names.filter((name) => (row.tools[name]?.policy ?? row.defaultPolicy) === "deny");
          setSaved(`Saved.${denied.length ? ` Hidden from agents and refused: ${denied.join(", ")}.` : ""}`);
        },
      },
    );
  }

  return (
    <form onSubmit={save} aria-label={`Policies of ${server.name}`} className="mt-3 flex flex-col gap-3 rounded-md border border-border p-3">
      <div className="flex flex-wrap items-end gap-3">
        <SelectField label="Default policy" value={defaultPolicy} onChange={(event) => (setSaved(null), setDefaultPolicy(event.target.value as ToolPolicy))}>
          {toolPolicies.map((policy) => (
            <option key={policy} value={policy}>
              {policy}
            </option>
          ))}
        </SelectField>
        <SelectField label="Capture arguments and results" value={capture} onChange={(event) => (setSaved(null), setCapture(event.target.value as CaptureMode))}>
          <option value="none">none</option>
          <option value="hash">hash (SHA-256 only)</option>
          <option value="full">full (first 8 KB)</option>
        </SelectField>
      </div>
      {upstream.isPending ? <p className="text-sm text-muted">Asking the upstream for its tools…</p> : null}
      {upstream.isError ? (
        <p role="alert" className="rounded-md border border-warn bg-warn-bg p-2 text-sm text-warn">
          Upstream unreachable: {upstream.error.message} The tools below are the ones with a stored policy; name another to add one.
        </p>
      ) : null}
      {names.length ? (
        <ul className="divide-y divide-border" aria-label={`Tools of ${server.name}`}>
          {names.map((name) => {
            const tool = offered.get(name);
            const settings = tools[name] ?? {};
            return (
              <li key={name} data-testid="mcp-tool" data-tool={name} className="flex flex-wrap items-end justify-between gap-3 py-2">
                <div className="min-w-48 flex-1">
                  <p className="font-mono text-sm">{name}</p>
                  {tool?.description ? <p className="text-xs text-muted">{tool.description}</p> : null}
                  <Annotations tool={tool} listed={upstream.isSuccess} unreachable={upstream.isError} />
                </div>
                <div className="flex flex-wrap gap-2">
                  <SelectField label="Policy" aria-label={`Policy for ${name}`} value={settings.policy ?? ""} onChange={(event) => setTool(name, { policy: (event.target.value || undefined) as ToolPolicy | undefined })}>
                    <option value="">default ({defaultPolicy})</option>
                    {toolPolicies.map((policy) => (
                      <option key={policy} value={policy}>
                        {policy}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField label="Kind" aria-label={`Kind for ${name}`} value={settings.kind ?? ""} onChange={(event) => setTool(name, { kind: (event.target.value || undefined) as ToolSettings["kind"] })}>
                    <option value="">tool_call (default)</option>
                    {actionKinds.filter((kind) => kind !== "tool_call").map((kind) => (
                      <option key={kind} value={kind}>
                        {kind}
                      </option>
                    ))}
                  </SelectField>
                  <SelectField label="Sensitivity" aria-label={`Sensitivity for ${name}`} value={settings.sensitivity ?? ""} onChange={(event) => setTool(name, { sensitivity: (event.target.value || undefined) as ToolSettings["sensitivity"] })}>
                    <option value="">unset</option>
                    {sensitivities.map((level) => (
                      <option key={level} value={level}>
                        {level}
                      </option>
                    ))}
                  </SelectField>
                </div>
              </li>
            );
          })}
        </ul>
      ) : upstream.isSuccess ? (
        <p className="text-sm text-muted">The upstream offers no tools.</p>
      ) : null}
      <div className="flex flex-wrap items-end gap-2">
        <TextField label="Add a tool by name" value={extra} onChange={(event) => setExtra(event.target.value)} className="min-w-40" />
        <Button
          variant="secondary"
          disabled={!extra.trim() || names.includes(extra.trim())}
          onClick={() => {
            setTool(extra.trim(), {});
            setExtra("");
          }}
        >
          Add tool
        </Button>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={update.isPending}>
          Save policies
        </Button>
        {update.error ? (
          <p role="alert" className="text-sm text-danger">
            {notApplied("Change", update.error)}
          </p>
        ) : saved ? (
          <p role="status" className="text-sm text-ok">
            {saved}
          </p>
        ) : null}
      </div>
    </form>
  );
}
