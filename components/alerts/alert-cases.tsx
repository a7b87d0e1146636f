"use client";
// The alerts as cases, most severe first, driven from the keyboard: j/k move between
// cases, c contains, d declares, x does both, a acknowledges, Enter opens the firings.
// Each command opens its dialog prefilled from the case, so a fresh case is contained
// and declared in two commands (c Enter, d Enter) or one (x Enter).
import { useEffect, useRef, useState } from "react";
import type { AlertList } from "@/lib/alerts/list-alerts";
import type { PublicAlert } from "@/lib/alerts/public-alert";
import { typingIn } from "@/components/shell/shortcuts-help";
import { AlertCase, type AlertCaseHandle, type CaseCommand } from "./alert-case";

const keys: Record<string, CaseCommand> = { c: "contain", d: "declare", x: "both", a: "acknowledge", Enter: "expand" };

export function AlertCases({ list, canAct, compact = false, limit }: { list: AlertList; canAct: boolean; compact?: boolean; limit?: number }) {
  const byId = new Map(list.alerts.map((alert) => [alert.id, alert]));
  const cases = list.cases
    .map((found) => ({ found, alerts: found.alertIds.map((id) => byId.get(id)).filter((alert): alert is PublicAlert => Boolean(alert)) }))
    .filter((entry) => entry.alerts.length > 0)
    .slice(0, limit);
  const handles = useRef(new Map<string, AlertCaseHandle>());
  const [selected, setSelected] = useState<string | null>(null);
  const order = cases.map((entry) => entry.found.id);
  const orderRef = useRef(order);
  orderRef.current = order;
  const selectedRef = useRef(selected);
  selectedRef.current = selected;

  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.metaKey || event.ctrlKey || event.altKey || typingIn(event.target) || document.querySelector("dialog[open]")) return;
      const ids = orderRef.current;
      // The case holding focus wins over the remembered one (Tab moves focus too).
      const focused = (document.activeElement as HTMLElement | null)?.closest<HTMLElement>("[data-case-id]")?.dataset.caseId;
      const current = focused && ids.includes(focused) ? focused : selectedRef.current;
      if (event.key === "j" || event.key === "k") {
        if (ids.length === 0) return;
        event.preventDefault();
        const index = current ? ids.indexOf(current) : -1;
        const next = ids[event.key === "j" ? Math.min(index + 1, ids.length - 1) : Math.max(index - 1, 0)] as string;
        setSelected(next);
        handles.current.get(next)?.focus();
        return;
      }
      const command = keys[event.key];
      // Enter on a button or link inside a case is that control's own.
      if (!command || !current || (event.key === "Enter" && (event.target as HTMLElement).closest("a, button"))) return;
      event.preventDefault();
      handles.current.get(current)?.run(command);
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <ol className="flex flex-col gap-3" aria-label="Alert cases, most severe first">
      {cases.map(({ found, alerts }) => (
        <li key={found.id} data-case-id={found.id}>
          <AlertCase
            ref={(handle) => {
              if (handle) handles.current.set(found.id, handle);
              else handles.current.delete(found.id);
            }}
            found={found}
            alerts={alerts}
            canAct={canAct}
            compact={compact}
            selected={selected === found.id}
            onFocus={() => setSelected(found.id)}
          />
        </li>
      ))}
    </ol>
  );
}
