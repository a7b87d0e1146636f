"use client";
import { clsx } from "clsx";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { useAlerts } from "@/lib/alerts/queries";
import { useApprovalQueue } from "@/lib/approvals/queries";
import { type NavItem, navItems } from "./nav-items";

/** What waits for a person, per section, kept live by the change stream. */
function useWaitingCounts(): Record<string, number> {
  const alerts = useAlerts("status=open&limit=1");
  const approvals = useApprovalQueue();
  return { "/alerts": alerts.data?.waiting.total ?? 0, "/approvals": approvals.data?.pending.length ?? 0 };
}

function isCurrent(pathname: string, item: NavItem) {
  return item.href === "/" ? pathname === "/" : pathname === item.href || pathname.startsWith(`${item.href}/`);
}

/** "g" then a section key jumps there, unless the person is typing in a field. */
function useGoToShortcuts(items: NavItem[]) {
  const router = useRouter();
  // Kept across re-renders (live counts re-render the nav between the two keys).
  const armed = useRef(0);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (event.metaKey || event.ctrlKey || event.altKey || target?.closest("input, textarea, select, [contenteditable]")) return;
      if (event.key === "g") {
        armed.current = Date.now() + 1500;
        return;
      }
      if (Date.now() > armed.current) return;
      armed.current = 0;
      const item = items.find((candidate) => candidate.key === event.key);
      if (item) {
        event.preventDefault();
        router.push(item.href);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [items, router]);
}

export function SideNav({ isAdmin }: { isAdmin: boolean }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const items = useMemo(() => navItems.filter((item) => !item.adminOnly || isAdmin), [isAdmin]);
  useGoToShortcuts(items);
  const waiting = useWaitingCounts();
  useEffect(() => setOpen(false), [pathname]);

  return (
    <>
      <button
        type="button"
        className="rounded-md border border-border px-3 py-1.5 text-sm md:hidden"
        aria-expanded={open}
        aria-controls="console-nav"
        onClick={() => setOpen((value) => !value)}
      >
        Menu
      </button>
      <nav
        id="console-nav"
        aria-label="Sections"
        className={clsx(
          "absolute inset-x-0 top-14 z-20 border-b border-border bg-surface p-3 md:static md:block md:border-0 md:bg-transparent md:p-0",
          open ? "block" : "hidden",
        )}
      >
        <ul className="flex flex-col gap-0.5">
          {items.map((item) => {
            const current = isCurrent(pathname, item);
            return (
              <li key={item.href}>
                <Link
                  href={item.href}
                  aria-current={current ? "page" : undefined}
                  className={clsx(
                    "flex items-center justify-between rounded-md px-3 py-2 text-sm",
                    current ? "bg-surface-2 font-semibold text-fg" : "text-muted hover:bg-surface-2 hover:text-fg",
                  )}
                >
                  <span className="flex items-center gap-2">
                    {item.label}
                    {waiting[item.href] ? (
                      <span
                        className="rounded-full bg-accent px-1.5 text-[11px] font-semibold leading-5 text-accent-fg"
                        aria-label={`${waiting[item.href]} waiting`}
                        data-testid={`waiting-${item.href.slice(1)}`}
                      >
                        {waiting[item.href]}
                      </span>
                    ) : null}
                  </span>
                  <kbd className="hidden font-mono text-[10px] text-muted md:inline" aria-hidden>
                    g {item.key}
                  </kbd>
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
    </>
  );
}
