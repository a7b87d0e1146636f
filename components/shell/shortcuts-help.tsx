"use client";
// "?" lists every keyboard shortcut, so a responder never has to guess them.
import { useEffect, useState } from "react";
import { Dialog } from "@/components/ui/dialog";
import { navItems } from "./nav-items";

export const typingIn = (target: EventTarget | null) => Boolean((target as HTMLElement | null)?.closest?.("input, textarea, select, [contenteditable], dialog"));

const groups: { title: string; keys: [string, string][] }[] = [
  {
    title: "Anywhere",
    keys: [["Ctrl K / ⌘ K", "Find an agent, incident or action"], ["?", "This list"], ...navItems.map((item): [string, string] => [`g then ${item.key}`, `Go to ${item.label}`])],
  },
  {
    title: "Alerts (Overview and Alerts page)",
    keys: [
      ["j / k", "Next / previous case"],
      ["c", "Contain the case's agent (Enter confirms)"],
      ["d", "Declare the case as an incident (Enter confirms)"],
      ["x", "Contain and declare at once (Enter confirms)"],
      ["a", "Acknowledge the case's open alerts"],
      ["Enter", "Show the case's firings"],
    ],
  },
  { title: "Agents", keys: [["/", "Search the inventory"]] },
];

export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === "?" && !event.ctrlKey && !event.metaKey && !event.altKey && !typingIn(event.target)) {
        event.preventDefault();
        setOpen(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)} className="rounded-md border border-border px-2 py-1 text-sm text-muted hover:bg-surface-2" aria-keyshortcuts="?">
        ?<span className="sr-only"> Keyboard shortcuts</span>
      </button>
      <Dialog open={open} onClose={() => setOpen(false)} title="Keyboard shortcuts">
        <div className="max-h-[70vh] space-y-4 overflow-y-auto text-sm">
          {groups.map((group) => (
            <section key={group.title}>
              <h3 className="mb-1 font-medium">{group.title}</h3>
              <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1">
                {group.keys.map(([keys, what]) => (
                  <div key={keys} className="contents">
                    <dt>
                      <kbd className="rounded bg-surface-2 px-1 font-mono text-xs">{keys}</kbd>
                    </dt>
                    <dd>{what}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
        <div className="mt-4 flex justify-end">
          <button type="button" onClick={() => setOpen(false)} className="rounded-md border border-border px-3 py-1.5 text-sm">
            Close
          </button>
        </div>
      </Dialog>
    </>
  );
}
