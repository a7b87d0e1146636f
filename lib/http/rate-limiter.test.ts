import { describe, expect, it } from "vitest";
import { rateLimiter } from "./rate-limiter";

describe("rateLimiter", () => {
  it("allows the limit per key and window, then blocks that key only", () => {
    const limit = rateLimiter(3, 60_000);
    expect([1, 2, 3].map(() => limit.take("a"))).toEqual([true, true, true]);
    expect(limit.blocked("a")).toBe(true);
    expect(limit.take("a")).toBe(false);
    expect(limit.retryAfter("a")).toBeGreaterThan(0);
    expect(limit.take("b")).toBe(true);
    expect(limit.blocked("b")).toBe(false);
  });

  it("opens again when the window has passed", async () => {
    const limit = rateLimiter(1, 50);
    expect(limit.take("k")).toBe(true);
    expect(limit.take("k")).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(limit.take("k")).toBe(true);
  });
});
