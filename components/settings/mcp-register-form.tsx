"use client";
// Registers an upstream MCP server. Header values are the upstream's credentials: sent
// once, stored sealed, never shown again (the list says only how many are set).
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { ApiClientError } from "@/lib/http/api-client";
import { useRegisterMcpServerMutation } from "@/lib/mcp-gateway/queries";
import { type ToolPolicy, toolPolicies } from "@/lib/mcp-gateway/vocabulary";

interface HeaderRow {
  key: number;
  name: string;
  value: string;
}

let nextKey = 1;
const emptyRow = (): HeaderRow => ({ key: nextKey++, name: "", value: "" });

export function McpRegisterForm() {
  const register = useRegisterMcpServerMutation();
  const [headers, setHeaders] = useState<HeaderRow[]>(() => [emptyRow()]);
  const error = register.error instanceof ApiClientError ? register.error : null;
  const headerError = error?.details?.find((detail) => detail.path.startsWith("headers"))?.message;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const filled = headers.filter((row) => row.name.trim());
    register.mutate(
      {
        name: String(data.get("name") ?? ""),
        url: String(data.get("url") ?? ""),
        defaultPolicy: String(data.get("defaultPolicy")) as ToolPolicy,
        ...(filled.length ? { headers: Object.fromEntries(filled.map((row) => [row.name.trim(), row.value])) } : {}),
      },
      {
        onSuccess: () => {
          form.reset();
          setHeaders([emptyRow()]);
        },
      },
    );
  }

  const setRow = (key: number, change: Partial<HeaderRow>) => setHeaders((rows) => rows.map((row) => (row.key === key ? { ...row, ...change } : row)));

  return (
    <form onSubmit={submit} noValidate aria-label="Register an MCP server" className="mb-4 flex flex-col gap-3">
      <div className="flex flex-wrap items-start gap-3">
        <TextField label="Name" name="name" required className="min-w-40" placeholder="forum" hint="Becomes /mcp/{name}" error={error?.fieldError("name")} />
        <TextField label="Upstream URL" name="url" required className="min-w-64 flex-1" placeholder="https://mcp.example.com/mcp" error={error?.fieldError("url")} />
        <SelectField label="Default policy" name="defaultPolicy" defaultValue="allow">
          {toolPolicies.map((policy) => (
            <option key={policy} value={policy}>
              {policy}
            </option>
          ))}
        </SelectField>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Upstream headers (credentials; write-only, never shown again)</legend>
        {headers.map((row, index) => (
          <div key={row.key} className="flex flex-wrap items-end gap-2">
            <TextField
              label={`Header ${index + 1} name`}
              value={row.name}
              onChange={(event) => setRow(row.key, { name: event.target.value })}
              placeholder="Authorization"
              autoComplete="off"
              className="min-w-40 flex-1"
            />
            <TextField
              label={`Header ${index + 1} value`}
              type="password"
              value={row.value}
              onChange={(event) => setRow(row.key, { value: event.target.value })}
              autoComplete="off"
              className="min-w-48 flex-[2]"
            />
            <Button variant="ghost" size="sm" aria-label={`Remove header ${index + 1}`} onClick={() => setHeaders((rows) => (rows.length > 1 ? rows.filter((other) => other.key !== row.key) : [emptyRow()]))}>
              Remove
            </Button>
          </div>
        ))}
        {headerError ? (
          <p role="alert" className="text-sm text-danger">
            {headerError}
          </p>
        ) : null}
        <div>
          <Button variant="secondary" size="sm" onClick={() => setHeaders((rows) => [...rows, emptyRow()])}>
            Add header
          </Button>
        </div>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={register.isPending}>
          Register MCP server
        </Button>
        {error && !error.details?.length ? (
          <p role="alert" className="text-sm text-danger">
            {error.message}
          </p>
        ) : null}
        {register.data ? (
          <p role="status" className="text-sm text-ok">
            Registered {register.data.name}: agents connect to <code className="font-mono text-xs [overflow-wrap:anywhere]">{register.data.gatewayUrl}</code>
          </p>
        ) : null}
      </div>
    </form>
  );
}
