"use client";
// What just happened, said where a person will see it: a short-lived notice in a
// live region, for results that outlast the dialog or row that produced them
// (a containment's revoked tokens and notified systems, a declared incident).
import Link from "next/link";
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from "react";

export interface Notice {
  tone: "ok" | "danger";
  text: string;
  link?: { href: string; label: string };
}

const NOTICE_MS = 12_000;

const Notices = createContext<(notice: Notice) => void>(() => {});

export const useNotify = () => useContext(Notices);

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notices, setNotices] = useState<(Notice & { id: number })[]>([]);
  const dismiss = useCallback((id: number) => setNotices((current) => current.filter((notice) => notice.id !== id)), []);
  const notify = useCallback(
    (notice: Notice) => {
      const id = Date.now() + Math.random();
      setNotices((current) => [...current.slice(-2), { ...notice, id }]);
      setTimeout(() => dismiss(id), NOTICE_MS);
    },
    [dismiss],
  );
  const value = useMemo(() => notify, [notify]);
  return (
    <Notices.Provider value={value}>
      {children}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-2 bottom-2 z-50 flex flex-col items-end gap-2 sm:inset-x-auto sm:right-4 sm:bottom-4 sm:w-[28rem]">
        {notices.map((notice) => (
          <div
            key={notice.id}
            role={notice.tone === "danger" ? "alert" : "status"}
            data-testid="notice"
            className={`pointer-events-auto w-full rounded-lg border p-3 text-sm shadow-lg ${notice.tone === "danger" ? "border-danger bg-danger-bg text-danger" : "border-border bg-surface"}`}
          >
            <p>{notice.text}</p>
            <div className="mt-1 flex gap-3 text-xs">
              {notice.link ? (
                <Link href={notice.link.href} className="font-medium underline">
                  {notice.link.label}
                </Link>
              ) : null}
              <button type="button" className="ml-auto text-muted underline" onClick={() => dismiss(notice.id)}>
                Dismiss
              </button>
            </div>
          </div>
        ))}
      </div>
    </Notices.Provider>
  );
}
