"use client";
// Declare an incident from an alert's case: title, severity and summary come
// prefilled (the severity the case suggests), and the case's agents, every related
// alert and the earliest firing as the start of impact come with it. Enter confirms.
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { SeverityField } from "@/components/incidents/severity-field";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import { useNotify } from "@/components/ui/notices";
import type { PublicAlert } from "@/lib/alerts/public-alert";
import { useDeclareFromAlert } from "@/lib/alerts/queries";
import { formatUtc } from "@/lib/format-time";
import { notApplied } from "@/lib/http/api-client";
import type { Severity } from "@/lib/incidents/vocabulary";
import { incidentSeverityFor, type AlertSeverity } from "@/lib/rules/vocabulary";

export interface CaseContext {
  suggestedSeverity: Severity;
  /** The case's alerts other than this one, as ALR-n. */
  related: string[];
  firstSeenAt: string;
}

export function DeclareFromAlertDialog({ alert, open, onClose, context }: { alert: PublicAlert; open: boolean; onClose: () => void; context?: CaseContext }) {
  const router = useRouter();
  const notify = useNotify();
  const declare = useDeclareFromAlert(alert.id);
  const [title, setTitle] = useState(alert.title);
  const [severity, setSeverity] = useState<string>(context?.suggestedSeverity ?? incidentSeverityFor[alert.severity as AlertSeverity] ?? "SEV3");
  const withRelated = context?.related.length ? ` with ${context.related.join(", ")}` : "";
  const [summary, setSummary] = useState(`Declared from alert ALR-${alert.number} (${alert.rule})${withRelated}.`);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // mutateAsync, not mutate's callbacks: declaring acknowledges the case's alerts, so
    // the open list can drop this dialog's case (and unmount it) before they would run.
    const incident = await declare.mutateAsync({ title: title.trim(), severity, summary: summary.trim() }).catch(() => null);
    if (!incident) return;
    notify({ tone: "ok", text: `Declared ${incident.reference} (${incident.severity}) from ALR-${alert.number}${withRelated}.`, link: { href: `/incidents/${incident.id}`, label: `Open ${incident.reference}` } });
    router.push(`/incidents/${incident.id}`);
  }
  return (
    <Dialog open={open} onClose={onClose} title={`Declare an incident from ALR-${alert.number}`}>
      <form onSubmit={submit} className="flex flex-col gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Title</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} required minLength={3} className="rounded-md border border-border bg-surface px-3 py-2" />
        </label>
        <SeverityField value={severity} onChange={setSeverity} />
        <label className="flex flex-col gap-1">
          <span className="font-medium">Summary</span>
          <textarea value={summary} onChange={(event) => setSummary(event.target.value)} rows={3} className="rounded-md border border-border bg-surface px-3 py-2" />
        </label>
        <p className="text-muted">
          {alert.agent ? `Involves ${alert.agent.name}. ` : ""}
          {context?.related.length ? `Brings in ${context.related.join(", ")}. ` : ""}Impact started {formatUtc(context?.firstSeenAt ?? alert.firstSeenAt)}.
        </p>
        {declare.error ? (
          <p role="alert" className="text-danger">
            {notApplied("Declaration", declare.error)}
          </p>
        ) : null}
        <DialogActions onCancel={onClose} submitLabel="Declare incident" pendingLabel="Declaring…" pending={declare.isPending} disabled={title.trim().length < 3} />
      </form>
    </Dialog>
  );
}
