"use client";
// Credentials the agent holds in other systems. The kill switch cannot revoke the
// ones no connector reaches; this list is where responders see them.
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { useExternalCredentialsQuery, useMarkCredentialRevokedMutation } from "@/lib/agents/queries";
import type { PublicExternalCredential } from "@/lib/credentials/public-external-credential";
import { formatAgo, formatUtc } from "@/lib/format-time";
import { AddCredentialDialog } from "./add-credential-dialog";
import { ReasonDialog } from "./reason-dialog";

export function CredentialsPanel({ agentId, canAct, initialCredentials }: {
  agentId: string;
  canAct: boolean;
  initialCredentials: PublicExternalCredential[];
}) {
  const credentials = useExternalCredentialsQuery(agentId, initialCredentials);
  const markRevoked = useMarkCredentialRevokedMutation(agentId);
  const [adding, setAdding] = useState(false);
  const [revoking, setRevoking] = useState<PublicExternalCredential | null>(null);
  const list = credentials.data ?? [];

  return (
    <Card className="p-5">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-3">
        <div>
          <h2 className="text-base font-semibold">Credentials held elsewhere</h2>
          <p className="text-xs text-muted">GitHub tokens, cloud roles, database users: what containment must also reach</p>
        </div>
        {canAct ? (
          <Button size="sm" variant="secondary" onClick={() => setAdding(true)}>
            Register credential
          </Button>
        ) : null}
      </div>
      {list.length === 0 ? (
        <p className="text-sm text-muted">None registered.</p>
      ) : (
        <ul className="divide-y divide-border">
          {list.map((credential) => (
            <li key={credential.id} className={`flex flex-wrap items-start justify-between gap-3 py-2 ${credential.revokedAt ? "text-muted" : ""}`}>
              <div className="min-w-0">
                <p className="text-sm">
                  <span className="font-medium">{credential.system}</span>{" "}
                  <span className="font-mono text-xs">{credential.identifier}</span>
                </p>
                <p className="text-xs text-muted">
                  {credential.scopes.join(" ") || "no scopes recorded"} · expires{" "}
                  <span title={formatUtc(credential.expiresAt)}>{credential.expiresAt ? formatAgo(credential.expiresAt) : "never"}</span>
                  {credential.revokeReason ? ` · revoked: ${credential.revokeReason}` : ""}
                </p>
              </div>
              <div className="flex items-center gap-2">
                {credential.revokedAt ? (
                  <Badge tone="neutral">revoked</Badge>
                ) : credential.revocableByConnector ? (
                  <Badge tone="ok">connector can revoke</Badge>
                ) : (
                  <Badge tone="warn">manual revocation</Badge>
                )}
                {canAct && !credential.revokedAt ? (
                  <Button size="sm" variant="ghost" onClick={() => setRevoking(credential)}>
                    Mark revoked
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <AddCredentialDialog agentId={agentId} open={adding} onClose={() => setAdding(false)} />
      <ReasonDialog
        key={revoking?.id ?? "none"}
        open={revoking !== null}
        title={`Mark ${revoking?.system ?? ""} credential revoked`}
        consequence="Record that this credential was revoked in its own system. Tourniquet cannot check that for you."
        confirmLabel="Mark revoked"
        pending={markRevoked.isPending}
        error={markRevoked.error?.message}
        onCancel={() => {
          markRevoked.reset();
          setRevoking(null);
        }}
        onConfirm={(reason) =>
          revoking && markRevoked.mutate({ credentialId: revoking.id, reason }, { onSuccess: () => setRevoking(null) })
        }
      />
    </Card>
  );
}
