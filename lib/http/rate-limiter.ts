// Fixed-window rate limits counted in the database, so that every replica on one
// PostgreSQL counts against the same number (on PGlite there is one process anyway).
// An attempt is counted before the work it limits is done: forty concurrent guesses
// at one password get ten checks, not forty.
//
// Cost: one upsert on a two-column primary key per counted attempt (sign-in, a failed
// client authentication, an approval request). Token checks are far more frequent,
// so their limit counts in memory and adds its counts to the shared row once a second
// (`batched`): a replica can overshoot by what it sees in one second.
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows-of";

export interface RateLimit {
  /** Counts one attempt; false when the key is over its limit for this window. */
  take(db: Queryable, key: string): Promise<boolean>;
  /** Whether the key has used up this window, without counting an attempt. */
  blocked(db: Queryable, key: string): Promise<boolean>;
  /** Seconds until the key's window resets (at least 1 while blocked). */
  retryAfter(db: Queryable, key: string): Promise<number>;
  /** Forgets the key's count (a success clears earlier failures). */
  reset(db: Queryable, key: string): Promise<void>;
  /** Takes back one counted attempt in this window (it turned out not to be one the limit is for). */
  giveBack(db: Queryable, key: string): Promise<void>;
}

interface LimitOptions {
  name: string;
  limit: number;
  windowMs: number;
  /** Count in memory and add to the shared row once a second (for hot paths). */
  batched?: boolean;
}

const hashKey = (key: string) => createHash("sha256").update(key).digest("hex");

interface Window {
  count: number;
  windowStart: Date;
}

async function addToWindow(db: Queryable, name: string, keyHash: string, windowMs: number, amount: number): Promise<Window> {
  // One statement, so concurrent attempts on one key serialise on its row and each
  // sees the count including itself.
  const rows = await db.execute(sql`
    insert into rate_limit_counts as r (name, key_hash, window_start, count)
    values (${name}, ${keyHash}, now(), ${amount})
    on conflict (name, key_hash) do update set
      window_start = case when r.window_start <= now() - make_interval(secs => ${windowMs / 1000}) then now() else r.window_start end,
      count = case when r.window_start <= now() - make_interval(secs => ${windowMs / 1000}) then ${amount} else r.count + ${amount} end
    returning count, window_start`);
  const [row] = rowsOf<{ count: number; window_start: string | Date }>(rows);
  if (!row) throw new Error("the rate-limit upsert returned no row");
  return { count: Number(row.count), windowStart: new Date(row.window_start) };
}

async function readWindow(db: Queryable, name: string, keyHash: string, windowMs: number): Promise<Window | null> {
  const rows = await db.execute(sql`
    select count, window_start from rate_limit_counts
    where name = ${name} and key_hash = ${keyHash} and window_start > now() - make_interval(secs => ${windowMs / 1000})`);
  const [row] = rowsOf<{ count: number; window_start: string | Date }>(rows);
  return row ? { count: Number(row.count), windowStart: new Date(row.window_start) } : null;
}

export function rateLimit({ name, limit, windowMs, batched = false }: LimitOptions): RateLimit {
  const seconds = (window: Window | null) =>
    window ? Math.max(1, Math.ceil((window.windowStart.getTime() + windowMs - Date.now()) / 1000)) : 0;
  // Batched mode: what this process counted since its last flush, on top of the shared count it last read.
  const local = new Map<string, { shared: number; pending: number; windowStart: number }>();
  let flushing: ReturnType<typeof setInterval> | null = null;
  let flushDb: Queryable | null = null;

  const flush = async () => {
    const db = flushDb;
    if (!db) return;
    for (const [keyHash, entry] of local) {
      if (entry.pending === 0) {
        if (Date.now() - entry.windowStart >= windowMs) local.delete(keyHash);
        continue;
      }
      const pending = entry.pending;
      entry.pending = 0;
      try {
        const window = await addToWindow(db, name, keyHash, windowMs, pending);
        entry.shared = window.count;
        entry.windowStart = window.windowStart.getTime();
      } catch {
        entry.pending += pending; // the database is away: keep the count for the next flush
      }
    }
  };

  return {
    async take(db, key) {
      const keyHash = hashKey(key);
      if (!batched) return (await addToWindow(db, name, keyHash, windowMs, 1)).count <= limit;
      flushDb = db;
      flushing ??= setInterval(() => void flush(), 1000);
      flushing.unref?.();
      let entry = local.get(keyHash);
      if (!entry || Date.now() - entry.windowStart >= windowMs) {
        // A new window here; unflushed counts of the old one still reach the shared row.
        entry = { shared: 0, pending: entry?.pending ?? 0, windowStart: Date.now() };
        local.set(keyHash, entry);
      }
      entry.pending += 1;
      return entry.shared + entry.pending <= limit;
    },
    async blocked(db, key) {
      const window = await readWindow(db, name, hashKey(key), windowMs);
      return Boolean(window && window.count >= limit);
    },
    async retryAfter(db, key) {
      return seconds(await readWindow(db, name, hashKey(key), windowMs));
    },
    async reset(db, key) {
      local.delete(hashKey(key));
      await db.execute(sql`delete from rate_limit_counts where name = ${name} and key_hash = ${hashKey(key)}`);
    },
    async giveBack(db, key) {
      const keyHash = hashKey(key);
      const entry = local.get(keyHash);
      if (entry && entry.pending > 0) {
        entry.pending -= 1;
        return;
      }
      await db.execute(sql`
        update rate_limit_counts set count = greatest(count - 1, 0)
        where name = ${name} and key_hash = ${keyHash} and window_start > now() - make_interval(secs => ${windowMs / 1000})`);
    },
  };
}

interface Limits {
  signInByEmail: RateLimit;
  signInByAddress: RateLimit;
  tokenChecks: RateLimit;
  clientAuthFailures: RateLimit;
  approvalRequests: RateLimit;
}

const holder = globalThis as typeof globalThis & { __tourniquetLimits?: Limits };

/** The limits, and what each one counts (README: Security). */
export function limits(): Limits {
  holder.__tourniquetLimits ??= {
    // Sign-in attempts per email and per client address: guessing one account, or many
    // from one place. Counted before the password is checked; a success clears the account's
    // count and gives back its own count on the address, so fifty people signing in behind
    // one office NAT are never locked out by each other.
    signInByEmail: rateLimit({ name: "signInByEmail", limit: 10, windowMs: 15 * 60_000 }),
    signInByAddress: rateLimit({ name: "signInByAddress", limit: 50, windowMs: 15 * 60_000 }),
    // Token checks per resource server: generous, it is on every request it serves.
    tokenChecks: rateLimit({ name: "tokenChecks", limit: 12_000, windowMs: 60_000, batched: true }),
    // Failed client authentication per address and client id: wrong secrets sent from
    // one address never lock out the real server calling from another.
    clientAuthFailures: rateLimit({ name: "clientAuthFailures", limit: 100, windowMs: 60_000 }),
    // Approval requests per agent: a runaway agent must not bury the queue people read.
    approvalRequests: rateLimit({ name: "approvalRequests", limit: 30, windowMs: 60_000 }),
  };
  return holder.__tourniquetLimits;
}
