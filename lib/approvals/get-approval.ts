// One approval request, for the agent that asked (only its own) or the console.
// With `waitSeconds`, a pending request is held open until someone answers, it
// expires, or the wait ends (long-poll): the agent asks again with the same call.
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { agents, approvals } from "@/db/schema";
import { authorize } from "@/lib/auth/authorize";
import type { Caller } from "@/lib/auth/caller";
import { notFound, unauthorized } from "@/lib/errors";
import { isUuid } from "@/lib/http/is-uuid";
import type { Change } from "@/lib/live/change-hub";
import { expireApprovals } from "./expire-approvals";
import { type PublicApproval, toPublicApproval } from "./public-approval";

export const MAX_WAIT_SECONDS = 30;

export type SubscribeToChanges = (listener: (change: Change) => void) => Promise<() => void>;

async function load(db: Db, caller: Caller, id: string): Promise<PublicApproval> {
  const [row] = await db
    .select({ approval: approvals, agent: { name: agents.name, owner: agents.owner } })
    .from(approvals)
    .innerJoin(agents, eq(agents.id, approvals.agentId))
    .where(eq(approvals.id, id));
  // An agent sees only its own requests; someone else's is as good as absent.
  if (!row || (caller.type === "agent" && row.approval.agentId !== caller.id)) throw notFound("The approval");
  if (row.approval.status === "pending" && row.approval.expiresAt <= new Date()) {
    await expireApprovals(db, [id]);
    return load(db, caller, id);
  }
  return toPublicApproval(row.approval, row.agent);
}

export async function getApproval(
  db: Db,
  caller: Caller | null,
  id: string,
  options: { waitSeconds?: number; subscribe?: SubscribeToChanges; signal?: AbortSignal } = {},
): Promise<PublicApproval> {
  if (!caller) throw unauthorized();
  if (caller.type !== "agent") authorize(caller, "console:read");
  if (!isUuid(id)) throw notFound("The approval");

  const waitMs = Math.min(Math.max(options.waitSeconds ?? 0, 0), MAX_WAIT_SECONDS) * 1000;
  if (waitMs === 0 || !options.subscribe) return load(db, caller, id);

  const deadline = Date.now() + waitMs;
  // Every notification bumps the version; a read sleeps only if nothing arrived since
  // it started, so an answer committed during the read is never slept through.
  let version = 0;
  let wake = () => {};
  // Subscribed before the first read, so an answer between the two is not missed.
  const unsubscribe = await options.subscribe((change) => {
    if (change.topic !== "approvals" || (change.id !== id && change.id !== null)) return;
    version += 1;
    wake();
  });
  try {
    for (;;) {
      const seen = version;
      const current = await load(db, caller, id);
      const remaining = deadline - Date.now();
      if (current.status !== "pending" || remaining <= 0 || options.signal?.aborted) return current;
      if (version !== seen) continue;
      // Wake for an answer, for the expiry, or at the end of the wait, whichever is first.
      const untilExpiry = new Date(current.expiresAt).getTime() - Date.now() + 50;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          options.signal?.removeEventListener("abort", done);
          wake = () => {};
          resolve();
        };
        const timer = setTimeout(done, Math.max(10, Math.min(remaining, untilExpiry)));
        wake = done;
        options.signal?.addEventListener("abort", done, { once: true });
      });
    }
  } finally {
    unsubscribe();
  }
}
