"use client";
// The case's one-step answer: declare the incident (the severity the case suggests)
// and contain its agent inside it. Declared first, so the containment is the
// incident's from its first second; if the containment then fails, the dialog says
// the incident exists and the agent is NOT contained.
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { containedMessage } from "@/components/containment/contain-dialog";
import { SeverityField } from "@/components/incidents/severity-field";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { useNotify } from "@/components/ui/notices";
import type { PublicAlert } from "@/lib/alerts/public-alert";
import { useDeclareFromAlert } from "@/lib/alerts/queries";
import { useContainMutation } from "@/lib/containment/queries";
import { notApplied } from "@/lib/http/api-client";
import type { PublicIncident } from "@/lib/incidents/public-incident";
import type { CaseContext } from "./declare-from-alert-dialog";
import { ReasonField } from "@/components/ui/reason-field";

interface Props {
  lead: PublicAlert;
  agent: { id: string; name: string };
  context: CaseContext;
  open: boolean;
  onClose: () => void;
}

export function ContainAndDeclareDialog({ lead, agent, context, open, onClose }: Props) {
  const router = useRouter();
  const notify = useNotify();
  const declare = useDeclareFromAlert(lead.id);
  const contain = useContainMutation(agent.id);
  const [severity, setSeverity] = useState<string>(context.suggestedSeverity);
  const [reason, setReason] = useState(`ALR-${lead.number}: ${lead.title}`);
  const [declared, setDeclared] = useState<PublicIncident | null>(null);
  const pending = declare.isPending || contain.isPending;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (reason.trim().length < 3 || pending) return;
    const incident = declared ?? (await declare.mutateAsync({ title: lead.title, severity }).catch(() => null));
    if (!incident) return;
    setDeclared(incident);
    const result = await contain.mutateAsync({ reason: reason.trim(), incidentId: incident.id }).catch(() => null);
    if (!result) return;
    notify({ tone: "ok", text: `Declared ${incident.reference} (${incident.severity}). ${containedMessage(agent.name, result)}` });
    router.push(`/incidents/${incident.id}`);
  }

  return (
    <Dialog open={open} onClose={onClose} title={`Contain ${agent.name} and declare`}>
      <form onSubmit={submit} className="flex flex-col gap-3 text-sm">
        <p>
          Declares an incident with {[`ALR-${lead.number}`, ...context.related].join(", ")}, then contains {agent.name} in it: every token revoked, connected systems
          told.
        </p>
        <SeverityField value={severity} onChange={setSeverity} disabled={Boolean(declared)} />
        <ReasonField
          id="contain-declare-reason"
          label="Reason for the containment (kept in the audit log and sent to connected systems)"
          value={reason}
          onChange={setReason}
          onEnter={(event) => void submit(event)}
          small={false}
        />
        {declare.error ? (
          <p role="alert" className="text-danger">
            {notApplied("Declaration", declare.error)} {agent.name} was not contained either.
          </p>
        ) : null}
        {contain.error ? (
          <p role="alert" className="text-danger">
            {declared ? `${declared.reference} is declared. ` : ""}
            {notApplied("Containment", contain.error)} Press the button again to retry.
          </p>
        ) : null}
        <DialogActions onCancel={onClose} submitLabel={declared ? `Contain ${agent.name}` : "Contain and declare"} pendingLabel="Working…" pending={pending} disabled={reason.trim().length < 3} variant="danger" />
      </form>
    </Dialog>
  );
}
