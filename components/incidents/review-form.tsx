"use client";
// The post-incident review, written on the incident page and printed in the report:
// executive summary, root cause, contributing factors, lessons, follow-ups with owners
// and due dates. Saved together with one PATCH; the result shows beside the button.
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import type { PublicIncident } from "@/lib/incidents/public-incident";
import { useIncidentMutation } from "@/lib/incidents/queries";

type FollowUp = PublicIncident["followUps"][number];

interface Review {
  summary: string;
  rootCause: string;
  contributingFactors: string;
  lessons: string;
  followUps: FollowUp[];
}

const textAreas = [
  { key: "summary", label: "Executive summary", hint: "What happened and what it meant, for someone who reads nothing else." },
  { key: "rootCause", label: "Root cause", hint: "Why it could happen." },
  { key: "contributingFactors", label: "Contributing factors", hint: "What made it worse or slower to contain." },
  { key: "lessons", label: "Lessons learned", hint: "" },
] as const;

const input = "rounded-md border border-border bg-surface px-2 py-1.5 text-sm";

export function ReviewForm({ incidentId, review, editable }: { incidentId: string; review: Review; editable: boolean }) {
  const save = useIncidentMutation<Review>(incidentId, "", "PATCH");
  const [draft, setDraft] = useState<Review>(review);
  const [saved, setSaved] = useState(false);
  const set = (patch: Partial<Review>) => {
    setSaved(false);
    setDraft((current) => ({ ...current, ...patch }));
  };
  const setFollowUp = (index: number, patch: Partial<FollowUp>) => set({ followUps: draft.followUps.map((item, i) => (i === index ? { ...item, ...patch } : item)) });
  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(draft, { onSuccess: () => setSaved(true) });
  }
  return (
    <form onSubmit={submit} aria-label="Post-incident review" className="flex flex-col gap-4">
      <div className="grid gap-4 md:grid-cols-2">
        {textAreas.map(({ key, label, hint }) => (
          <div key={key} className="flex flex-col gap-1.5">
            <label htmlFor={`review-${key}`} className="text-sm font-medium">
              {label}
            </label>
            <textarea
              id={`review-${key}`}
              rows={3}
              readOnly={!editable}
              value={draft[key]}
              onChange={(event) => set({ [key]: event.target.value })}
              className={input}
            />
            {hint ? <p className="text-xs text-muted">{hint}</p> : null}
          </div>
        ))}
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="mb-1 text-sm font-medium">Follow-ups</legend>
        {draft.followUps.length === 0 ? <p className="text-sm text-muted">None yet.</p> : null}
        {draft.followUps.map((item, index) => (
          <div key={index} className="grid grid-cols-1 gap-2 sm:grid-cols-[1fr_12rem_9rem_auto_auto] sm:items-center">
            <input aria-label={`Follow-up ${index + 1}`} required readOnly={!editable} value={item.title} onChange={(event) => setFollowUp(index, { title: event.target.value })} className={input} placeholder="What is to be done" />
            <input aria-label={`Owner of follow-up ${index + 1}`} required readOnly={!editable} value={item.owner} onChange={(event) => setFollowUp(index, { owner: event.target.value })} className={input} placeholder="Owner" />
            <input aria-label={`Due date of follow-up ${index + 1}`} required readOnly={!editable} type="date" value={item.dueDate} onChange={(event) => setFollowUp(index, { dueDate: event.target.value })} className={input} />
            <label className="flex items-center gap-1 text-sm">
              <input type="checkbox" disabled={!editable} checked={item.done} onChange={(event) => setFollowUp(index, { done: event.target.checked })} /> done
            </label>
            {editable ? (
              <Button size="sm" variant="secondary" onClick={() => set({ followUps: draft.followUps.filter((_, i) => i !== index) })} aria-label={`Remove follow-up ${index + 1}`}>
                Remove
              </Button>
            ) : null}
          </div>
        ))}
        {editable ? (
          <div>
            <Button size="sm" variant="secondary" onClick={() => set({ followUps: [...draft.followUps, { title: "", owner: "", dueDate: "", done: false }] })}>
              Add follow-up
            </Button>
          </div>
        ) : null}
      </fieldset>
      {editable ? (
        <div className="flex items-center gap-3">
          <Button type="submit" size="sm" disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save review"}
          </Button>
          <span role="status" className="text-sm">
            {save.error ? <span className="text-danger">Not saved: {save.error.message}</span> : saved ? <span className="text-ok">Saved. The next report includes it.</span> : null}
          </span>
        </div>
      ) : null}
    </form>
  );
}
