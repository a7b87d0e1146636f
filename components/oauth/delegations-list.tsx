"use client";
// Delegations with a revoke button; the list updates where the person clicked.
import { useState } from "react";
import { ReasonDialog } from "@/components/agents/reason-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { apiFetch } from "@/lib/http/api-client";
import { formatAgo, formatUtc } from "@/lib/format-time";
import type { PublicDelegation } from "@/lib/oauth/list-delegations";

export function DelegationsList({ initial }: { initial: PublicDelegation[] }) {
  const [delegations, setDelegations] = useState(initial);
  const [revoking, setRevoking] = useState<PublicDelegation | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [message, setMessage] = useState<string | null>(null);

  async function revoke(reason: string) {
    if (!revoking) return;
    setPending(true);
    setError(undefined);
    try {
      const { tokensRevoked } = await apiFetch<{ tokensRevoked: number }>(`/api/v1/delegations/${revoking.id}/revoke`, { method: "POST", body: { reason } });
      const at = new Date().toISOString();
      setDelegations((list) => list.map((item) => (item.id === revoking.id ? { ...item, revokedAt: at, revokeReason: reason } : item)));
      setMessage(`${revoking.agentName} can no longer act for ${revoking.person}: ${tokensRevoked} live ${tokensRevoked === 1 ? "token" : "tokens"} revoked.`);
      setRevoking(null);
    } catch (failure) {
      setError(`Not revoked: ${(failure as Error).message}`);
    } finally {
      setPending(false);
    }
  }

  return (
    <Card className="p-5">
      {message ? (
        <p role="status" className="mb-3 rounded-md bg-ok-bg px-3 py-2 text-sm text-ok">
          {message}
        </p>
      ) : null}
      {delegations.length === 0 ? (
        <p className="text-sm text-muted">No agent acts on anyone&apos;s behalf.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-border text-sm">
          {delegations.map((delegation) => (
            <li key={delegation.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <div className="min-w-0">
                <span className="font-medium">{delegation.agentName}</span> for {delegation.person}
                <span className="block break-all font-mono text-xs text-muted">{delegation.scopes.join(" ")}</span>
                <span className="block text-xs text-muted">
                  since <span title={formatUtc(delegation.createdAt)}>{formatAgo(delegation.createdAt)}</span>
                  {delegation.revokeReason ? ` · revoked: ${delegation.revokeReason}` : ""}
                </span>
              </div>
              {delegation.revokedAt ? (
                <Badge tone="danger">revoked</Badge>
              ) : (
                <Button size="sm" variant="secondary" onClick={() => setRevoking(delegation)}>
                  Revoke
                </Button>
              )}
            </li>
          ))}
        </ul>
      )}
      <ReasonDialog
        open={revoking !== null}
        title="Revoke this delegation?"
        consequence="The agent can no longer act for this person; its tokens and refresh tokens from this delegation die now."
        confirmLabel="Revoke delegation"
        pending={pending}
        error={error}
        onCancel={() => setRevoking(null)}
        onConfirm={(reason) => void revoke(reason)}
      />
    </Card>
  );
}
