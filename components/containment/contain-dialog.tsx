"use client";
// The kill switch's confirmation: what will happen (tokens revoked, systems told,
// what stays usable elsewhere), and a reason. Enter in the reason confirms.
import { type FormEvent, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { useNotify } from "@/components/ui/notices";
import type { ContainResult } from "@/lib/containment/contain-agent";
import type { ContainmentStatus } from "@/lib/containment/get-containment-status";
import { notApplied } from "@/lib/http/api-client";
import { DialogActions } from "@/components/ui/dialog-actions";
import { useContainMutation, useContainmentStatus } from "@/lib/containment/queries";
import { formatUtc } from "@/lib/format-time";
import { revocationKinds } from "@/lib/connectors/vocabulary";
import { ReasonField } from "@/components/ui/reason-field";

// Revocation connectors act on credentials; they are listed with those, not as systems told.
const actsOnCredentials = (kind: string) => (revocationKinds as readonly string[]).includes(kind);

interface Props {
  agent: { id: string; name: string; liveTokens?: number };
  open: boolean;
  onClose: () => void;
  /** Prefilled reason (from an alert), still editable. */
  defaultReason?: string;
  /** The incident the containment belongs to. */
  incidentId?: string;
  /** After success, with what happened (the dialog has closed and said so in a notice). */
  onContained?: (result: ContainResult) => void;
}

/** What the kill switch did, in one line a person under pressure can read. */
export function containedMessage(name: string, result: ContainResult, leftover?: ContainmentStatus["leftover"]): string {
  if (result.alreadyContained) return `${name} was already contained (since ${formatUtc(result.containment.startedAt)}); nothing more to revoke.`;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  const parts = [
    `${plural(result.tokensRevoked, "token")} revoked`,
    `${plural(result.notificationsQueued, "system")} notified`,
    ...(result.revocationsQueued ? [`${plural(result.revocationsQueued, "credential")} being revoked in their own systems`] : []),
  ];
  const elsewhere = leftover?.credentials.filter((credential) => !credential.connectorId).map((credential) => credential.system) ?? [];
  const left = !leftover ? "" : elsewhere.length ? ` Still usable elsewhere: ${elsewhere.join(", ")}; revoke there by hand.` : " Nothing it held is left usable.";
  return `Contained ${name} at ${formatUtc(result.containment.startedAt)}: ${parts.join(", ")}.${left}`;
}

export function ContainDialog({ agent, open, onClose, defaultReason = "", incidentId, onContained }: Props) {
  const notify = useNotify();
  const status = useContainmentStatus(agent.id, { enabled: open });
  const contain = useContainMutation(agent.id);
  const [reason, setReason] = useState(defaultReason);
  const current = status.data?.current;
  const leftover = status.data?.leftover;

  function close() {
    contain.reset();
    setReason(defaultReason);
    onClose();
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3 || contain.isPending) return;
    // mutateAsync: the result is told even when the view that opened the dialog has
    // re-rendered without it (a row that now says contained).
    const result = await contain.mutateAsync({ reason: reason.trim(), ...(incidentId ? { incidentId } : {}) }).catch(() => null);
    if (!result) return;
    notify({ tone: "ok", text: containedMessage(agent.name, result, leftover) });
    close();
    onContained?.(result);
  }

  return (
    <Dialog open={open} onClose={close} title={`Contain ${agent.name}`}>
      {current ? (
        <p className="mb-3 rounded-md bg-danger-bg p-3 text-sm text-danger">
          Already contained since {formatUtc(current.startedAt)} by {current.containedBy}: {current.reason}
        </p>
      ) : null}
      <form onSubmit={submit} className="flex flex-col gap-3">
        <ul className="list-disc space-y-1 pl-5 text-sm">
          <li>
            Suspend the agent: every token introspects as inactive from now on, and no new one can be issued.
          </li>
          <li>
            Revoke {agent.liveTokens === undefined ? "every live token" : `${agent.liveTokens} live ${agent.liveTokens === 1 ? "token" : "tokens"}`}.
          </li>
          <li>
            Tell{" "}
            {status.data
              ? status.data.notifies.some((system) => !actsOnCredentials(system.kind))
                ? status.data.notifies
                    .filter((system) => !actsOnCredentials(system.kind))
                    .map((system) => `${system.name} (${system.kind})`)
                    .join(", ")
                : "no connected system (add connectors in Settings)"
              : "every connected system"}
            .
          </li>
          {leftover?.credentials.some((credential) => credential.connectorId) ? (
            <li>
              Revoke in their own systems:{" "}
              {leftover.credentials
                .filter((credential) => credential.connectorId)
                .map((credential) => `${credential.system} ${credential.identifier}`)
                .join(", ")}
              .
            </li>
          ) : null}
          {leftover?.credentials.some((credential) => !credential.connectorId) ? (
            <li className="text-warn">
              Still usable elsewhere:{" "}
              {leftover.credentials
                .filter((credential) => !credential.connectorId)
                .map((credential) => credential.system)
                .join(", ")}
              {leftover.neverExpires ? " (one never expires)" : leftover.usableUntil ? ` until ${formatUtc(leftover.usableUntil)}` : ""}.
            </li>
          ) : null}
        </ul>
        <ReasonField
          id="contain-reason"
          label="Reason (kept in the audit log and sent to connected systems)"
          value={reason}
          onChange={setReason}
          onEnter={(event) => void submit(event)}
        />
        {contain.error ? (
          <p role="alert" className="text-sm text-danger">
            {notApplied("Containment", contain.error)}
          </p>
        ) : null}
        <DialogActions
          onCancel={close}
          submitLabel={`Contain ${agent.name}`}
          pendingLabel="Containing…"
          pending={contain.isPending}
          disabled={reason.trim().length < 3}
          variant="danger"
        />
      </form>
    </Dialog>
  );
}
