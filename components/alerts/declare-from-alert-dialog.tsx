"use client";
// Declare an incident from an alert: title, severity and summary come prefilled from
// the alert, and the agent and the start of impact come with it.
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { DialogActions } from "@/components/ui/dialog-actions";
import type { PublicAlert } from "@/lib/alerts/public-alert";
import { useDeclareFromAlert } from "@/lib/alerts/queries";
import { formatUtc } from "@/lib/format-time";
import { severities, severityDefinitions } from "@/lib/incidents/vocabulary";
import { incidentSeverityFor, type AlertSeverity } from "@/lib/rules/vocabulary";

export function DeclareFromAlertDialog({ alert, open, onClose }: { alert: PublicAlert; open: boolean; onClose: () => void }) {
  const router = useRouter();
  const declare = useDeclareFromAlert(alert.id);
  const [title, setTitle] = useState(alert.title);
  const [severity, setSeverity] = useState<string>(incidentSeverityFor[alert.severity as AlertSeverity] ?? "SEV3");
  const [summary, setSummary] = useState(`Declared from alert ALR-${alert.number} (${alert.rule}).`);

  function submit(event: FormEvent) {
    event.preventDefault();
    declare.mutate({ title: title.trim(), severity, summary: summary.trim() }, { onSuccess: (incident) => router.push(`/incidents/${incident.id}`) });
  }
  return (
    <Dialog open={open} onClose={onClose} title={`Declare an incident from ALR-${alert.number}`}>
      <form onSubmit={submit} className="flex flex-col gap-3 text-sm">
        <label className="flex flex-col gap-1">
          <span className="font-medium">Title</span>
          <input value={title} onChange={(event) => setTitle(event.target.value)} required minLength={3} className="rounded-md border border-border bg-surface px-3 py-2" />
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Severity</span>
          <select value={severity} onChange={(event) => setSeverity(event.target.value)} className="rounded-md border border-border bg-surface px-3 py-2">
            {severities.map((level) => (
              <option key={level} value={level}>
                {level}: {severityDefinitions[level].split(":")[0]}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1">
          <span className="font-medium">Summary</span>
          <textarea value={summary} onChange={(event) => setSummary(event.target.value)} rows={3} className="rounded-md border border-border bg-surface px-3 py-2" />
        </label>
        <p className="text-muted">
          {alert.agent ? `Involves ${alert.agent.name}. ` : ""}Impact started {formatUtc(alert.firstSeenAt)}.
        </p>
        {declare.error ? (
          <p role="alert" className="text-danger">
            {declare.error.message}
          </p>
        ) : null}
        <DialogActions onCancel={onClose} submitLabel="Declare incident" pendingLabel="Declaring…" pending={declare.isPending} disabled={title.trim().length < 3} />
      </form>
    </Dialog>
  );
}
