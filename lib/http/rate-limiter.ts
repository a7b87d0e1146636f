// A fixed-window counter per key, in this process's memory: enough to slow password
// guessing and runaway token checks. With several replicas each keeps its own count,
// so the effective limit is per replica.
export interface RateLimit {
  /** Counts one attempt; false when the key is over its limit for this window. */
  take(key: string): boolean;
  /** Whether the key has used up this window, without counting an attempt. */
  blocked(key: string): boolean;
  /** Seconds until the key's window resets. */
  retryAfter(key: string): number;
  reset(key?: string): void;
}

export function rateLimiter(limit: number, windowMs: number): RateLimit {
  const windows = new Map<string, { start: number; count: number }>();
  const current = (key: string, now: number) => {
    const window = windows.get(key);
    if (window && now - window.start < windowMs) return window;
    const fresh = { start: now, count: 0 };
    windows.set(key, fresh);
    if (windows.size > 50_000) {
      for (const [stale, value] of windows) if (now - value.start >= windowMs) windows.delete(stale);
    }
    return fresh;
  };
  return {
    take(key) {
      const window = current(key, Date.now());
      window.count += 1;
      return window.count <= limit;
    },
    blocked(key) {
      const window = windows.get(key);
      return Boolean(window && Date.now() - window.start < windowMs && window.count >= limit);
    },
    retryAfter(key) {
      const window = windows.get(key);
      return window ? Math.max(1, Math.ceil((window.start + windowMs - Date.now()) / 1000)) : 0;
    },
    reset(key) {
      if (key) windows.delete(key);
      else windows.clear();
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

/** The process's limits, shared across module graphs. */
export function limits(): Limits {
  holder.__tourniquetLimits ??= {
    // Failed sign-ins per email and per client address: guessing one account, or many
    // from one place. A success clears the account's count.
    signInByEmail: rateLimiter(10, 15 * 60_000),
    signInByAddress: rateLimiter(50, 15 * 60_000),
    // Token checks per resource server: generous, it is on every request it serves.
    tokenChecks: rateLimiter(12_000, 60_000),
    // Failed client authentication per address and client id. The secrets are 256
    // random bits, so this sheds load more than it stops guessing.
    clientAuthFailures: rateLimiter(100, 60_000),
    // Approval requests per agent: a runaway agent must not bury the queue people read.
    approvalRequests: rateLimiter(30, 60_000),
  };
  return holder.__tourniquetLimits;
}
