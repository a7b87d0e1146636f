"use client";
// Upstream MCP servers behind the gateway: register one, copy its gateway address for the
// agent's MCP client, edit its policies beside the tools it offers, or take it out.
import { useState } from "react";
import { ReasonDialog } from "@/components/agents/reason-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { notApplied } from "@/lib/http/api-client";
import type { PublicMcpServer } from "@/lib/mcp-gateway/public-mcp-server";
import { useDisableMcpServerMutation, useMcpServersQuery } from "@/lib/mcp-gateway/queries";
import { McpRegisterForm } from "./mcp-register-form";
import { McpServerEditor } from "./mcp-server-editor";

export function McpServersPanel({ initial }: { initial: PublicMcpServer[] }) {
  const servers = useMcpServersQuery(initial);
  const disable = useDisableMcpServerMutation();
  const [editing, setEditing] = useState<string | null>(null);
  const [disabling, setDisabling] = useState<PublicMcpServer | null>(null);
  const [result, setResult] = useState<string | null>(null);

  return (
    <Card className="p-5">
      <h2 className="mb-1 text-base font-semibold">MCP servers</h2>
      <p className="mb-4 text-sm text-muted">
        Upstream tool servers behind the gateway. Agents connect to the gateway address with their agent token; every tool call is
        recorded on their timeline, checked against its policy (allow, hold for approval, deny) and cut when the agent is contained.
        Header values are the upstream&apos;s credentials: stored encrypted, never shown again.
      </p>
      <McpRegisterForm />
      {result ? (
        <p role="status" className="mb-3 text-sm">
          {result}
        </p>
      ) : null}
      {(servers.data ?? []).length === 0 ? (
        <p className="text-sm text-muted">None yet: agents reach their tools directly, and the kill switch cannot stop those calls.</p>
      ) : (
        <ul className="divide-y divide-border" aria-label="Registered MCP servers">
          {(servers.data ?? []).map((server) => (
            <li key={server.id} className="py-3" data-testid="mcp-server">
              <div className={`flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between sm:gap-3 ${server.disabledAt ? "text-muted" : ""}`}>
                <div className="min-w-0 flex-1">
                  <p className="flex flex-wrap items-center gap-2 text-sm font-medium">
                    {server.name}
                    {server.disabledAt ? <Badge tone="danger">disabled</Badge> : <Badge tone="ok">enabled</Badge>}
                    <Badge tone={server.defaultPolicy === "allow" ? "neutral" : "warn"}>default: {server.defaultPolicy}</Badge>
                    <span className="text-xs font-normal text-muted">
                      {server.headerNames.length} {server.headerNames.length === 1 ? "header" : "headers"} set · capture {server.capture}
                    </span>
                  </p>
                  <p className="font-mono text-xs text-muted [overflow-wrap:anywhere]">upstream {server.url}</p>
                  <GatewayAddress url={server.gatewayUrl} />
                </div>
                {server.disabledAt ? null : (
                  <div className="flex shrink-0 gap-2">
                    <Button size="sm" variant="secondary" aria-expanded={editing === server.id} onClick={() => setEditing(editing === server.id ? null : server.id)}>
                      {editing === server.id ? "Close policies" : "Policies"}
                    </Button>
                    <Button size="sm" variant="ghost" onClick={() => setDisabling(server)}>
                      Disable
                    </Button>
                  </div>
                )}
              </div>
              {editing === server.id && !server.disabledAt ? <McpServerEditor server={server} /> : null}
            </li>
          ))}
        </ul>
      )}
      <ReasonDialog
        open={disabling !== null}
        title={`Disable ${disabling?.name ?? ""}?`}
        consequence="Every call to its gateway address is refused from then on, for every agent. Its recorded calls stay on the timeline."
        confirmLabel="Disable MCP server"
        pending={disable.isPending}
        error={disable.error ? notApplied("Disable", disable.error) : undefined}
        onCancel={() => {
          setDisabling(null);
          disable.reset();
        }}
        onConfirm={(reason) => {
          const target = disabling;
          if (!target) return;
          disable.mutate(
            { id: target.id, reason },
            {
              onSuccess: () => {
                setDisabling(null);
                setEditing(null);
                setResult(`${target.name} disabled: its gateway address refuses every call.`);
              },
            },
          );
        }}
      />
    </Card>
  );
}

function GatewayAddress({ url }: { url: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <p className="mt-1 flex flex-wrap items-center gap-2 text-xs">
      <span className="text-muted">gateway</span>
      <code className="select-all font-mono [overflow-wrap:anywhere]" data-testid="gateway-url">
        {url}
      </code>
      <Button size="sm" variant="ghost" aria-label={`Copy gateway address ${url}`} onClick={() => void navigator.clipboard?.writeText(url).then(() => setCopied(true))}>
        {copied ? "Copied" : "Copy"}
      </Button>
    </p>
  );
}
