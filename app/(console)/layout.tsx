// The shell responders live in: sections on the left, who they are on the right.
import Link from "next/link";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { CommandPalette } from "@/components/shell/command-palette";
import { ConnectionStatus, LiveConnectionProvider } from "@/components/shell/live-connection";
import { ShortcutsHelp } from "@/components/shell/shortcuts-help";
import { SideNav } from "@/components/shell/side-nav";
import { NoticeProvider } from "@/components/ui/notices";
import { UserMenu } from "@/components/shell/user-menu";
import { requirePageCaller } from "@/lib/auth/session";
import { THEME_COOKIE, parseTheme } from "@/lib/theme";
import { signOutAction } from "./actions";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const caller = await requirePageCaller();
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  return (
    <LiveConnectionProvider>
      <NoticeProvider>
        <div className="min-h-dvh md:grid md:grid-cols-[15rem_1fr]">
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2"
          >
            Skip to content
          </a>
          <aside className="relative flex h-14 items-center justify-between border-b border-border bg-surface px-4 md:h-auto md:flex-col md:items-stretch md:justify-start md:gap-6 md:border-b-0 md:border-r md:py-5">
            <Link href="/" className="flex items-center gap-2 font-semibold tracking-tight">
              <svg aria-hidden viewBox="0 0 32 32" className="size-6">
                <rect width="32" height="32" rx="7" fill="#b42318" />
                <path d="M9 11h14v4H9zM14 15h4v10h-4z" fill="#fff" />
              </svg>
              Tourniquet
            </Link>
            <SideNav isAdmin={caller.role === "admin"} />
          </aside>
          <div className="flex min-w-0 flex-col">
            <header className="flex h-14 items-center justify-end gap-3 border-b border-border bg-surface px-4 md:px-8">
              <span className="mr-auto">
                <ConnectionStatus />
              </span>
              <CommandPalette />
              <ShortcutsHelp />
              <UserMenu name={caller.name} email={caller.email} role={caller.role} theme={theme} signOut={signOutAction} />
            </header>
            <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-8 md:px-8">
              {children}
            </main>
          </div>
        </div>
      </NoticeProvider>
    </LiveConnectionProvider>
  );
}
