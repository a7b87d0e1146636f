"use client";
// The agent's Tourniquet-issued tokens: what is live, what was revoked and why.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useAgentTokensQuery, useRevokeTokenMutation } from "@/lib/agents/queries";
import type { PublicToken } from "@/lib/credentials/public-token";
import { formatAgo, formatUtc } from "@/lib/format-time";
import { IssueTokenDialog } from "./issue-token-dialog";
import { ReasonDialog } from "./reason-dialog";

const statusTone = { active: "ok", expired: "neutral", revoked: "danger" } as const;

interface Props {
  agentId: string;
  agentName: string;
  agentScopes: string[];
  canAct: boolean;
  canIssue: boolean;
  initialTokens: PublicToken[];
}

export function TokensPanel({ agentId, agentName, agentScopes, canAct, canIssue, initialTokens }: Props) {
  const tokens = useAgentTokensQuery(agentId, initialTokens);
  const revoke = useRevokeTokenMutation(agentId);
  const [issuing, setIssuing] = useState(false);
  const [revoking, setRevoking] = useState<PublicToken | null>(null);
  const list = tokens.data ?? [];
  const live = list.filter((token) => token.status === "active").length;

  return (
    <Card className="p-5">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">Tokens issued by Tourniquet</h2>
          <p className="text-xs text-muted">{live} live · resource servers check them through introspection</p>
        </div>
        {canAct ? (
          <Button size="sm" onClick={() => setIssuing(true)} disabled={!canIssue} title={canIssue ? undefined : "Only active agents get tokens"}>
            Issue token
          </Button>
        ) : null}
      </div>
      {list.length === 0 ? (
        <p className="text-sm text-muted">No tokens yet.</p>
      ) : (
        <div role="region" aria-label="Tokens" tabIndex={0} className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <thead className="text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Token</th>
                <th scope="col" className="py-2 pr-3 font-medium">Scopes</th>
                <th scope="col" className="py-2 pr-3 font-medium">Issued</th>
                <th scope="col" className="py-2 pr-3 font-medium">Expires</th>
                <th scope="col" className="py-2 pr-3 font-medium">Last used</th>
                <th scope="col" className="py-2 pr-3 font-medium">Status</th>
                <th scope="col" className="py-2 font-medium"><span className="sr-only">Actions</span></th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => (
                <tr key={token.id} className={`border-t border-border align-top ${token.status !== "active" ? "text-muted" : ""}`}>
                  <td className="py-2 pr-3 font-mono text-xs">{token.prefix}…</td>
                  <td className="max-w-56 py-2 pr-3 font-mono text-xs">{token.scopes.join(" ") || "—"}</td>
                  <td className="py-2 pr-3 text-xs" title={formatUtc(token.issuedAt)}>{formatAgo(token.issuedAt)}</td>
                  <td className="py-2 pr-3 text-xs" title={formatUtc(token.expiresAt)}>{formatAgo(token.expiresAt)}</td>
                  <td className="py-2 pr-3 text-xs" title={formatUtc(token.lastUsedAt)}>{formatAgo(token.lastUsedAt)}</td>
                  <td className="py-2 pr-3">
                    <Badge tone={statusTone[token.status]}>{token.status}</Badge>
                    {token.revokeReason ? (
                      <span className="mt-1 block max-w-48 text-xs" title={`by ${token.revokedBy ?? "?"}`}>
                        {token.revokeReason}
                      </span>
                    ) : null}
                  </td>
                  <td className="py-2 text-right">
                    {canAct && token.status === "active" ? (
                      <Button size="sm" variant="ghost" onClick={() => setRevoking(token)} aria-label={`Revoke token ${token.prefix}`}>
                        Revoke
                      </Button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <IssueTokenDialog agentId={agentId} agentName={agentName} scopes={agentScopes} open={issuing} onClose={() => setIssuing(false)} />
      <ReasonDialog
        key={revoking?.id ?? "none"}
        open={revoking !== null}
        title={`Revoke token ${revoking?.prefix ?? ""}…`}
        consequence="Every system that checks this token will be told it is inactive on its next check. This cannot be undone."
        confirmLabel="Revoke token"
        pending={revoke.isPending}
        error={revoke.error?.message}
        onCancel={() => {
          revoke.reset();
          setRevoking(null);
        }}
        onConfirm={(reason) =>
          revoking && revoke.mutate({ tokenId: revoking.id, reason }, { onSuccess: () => setRevoking(null) })
        }
      />
    </Card>
  );
}
