import { describe, expect, it } from "vitest";
import { percentile, ratePerSecond, ratio, scaled, summarize } from "./stats";

describe("percentile (nearest rank)", () => {
  it("picks measured samples, never interpolates", () => {
    const samples = [15, 20, 35, 40, 50];
    expect(percentile(samples, 30)).toBe(20);
    expect(percentile(samples, 40)).toBe(20);
    expect(percentile(samples, 50)).toBe(35);
    expect(percentile(samples, 100)).toBe(50);
    expect(percentile(samples, 0)).toBe(15);
  });

  it("does not depend on the order of the samples", () => {
    expect(percentile([5, 1, 4, 2, 3], 50)).toBe(3);
  });

  it("is the maximum for p99 of fewer than a hundred samples", () => {
    const samples = Array.from({ length: 20 }, (_, index) => index + 1);
    expect(percentile(samples, 99)).toBe(20);
    expect(percentile(samples, 95)).toBe(19);
  });

  it("splits a hundred samples at their ranks", () => {
    const samples = Array.from({ length: 100 }, (_, index) => 100 - index);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 95)).toBe(95);
    expect(percentile(samples, 99)).toBe(99);
  });

  it("is NaN for no samples and refuses impossible ranks", () => {
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });
});

describe("summaries and ratios", () => {
  it("summarizes without changing the input", () => {
    const samples = [3, 1, 2];
    expect(summarize(samples)).toEqual({ count: 3, mean: 2, p50: 2, p95: 3, p99: 3, max: 3 });
    expect(samples).toEqual([3, 1, 2]);
  });

  it("computes rates and ratios, NaN rather than Infinity", () => {
    expect(ratePerSecond(500, 250)).toBe(2000);
    expect(ratePerSecond(1, 0)).toBeNaN();
    expect(ratio(10, 4)).toBe(2.5);
    expect(ratio(10, 0)).toBeNaN();
    expect(ratio(Number.NaN, 1)).toBeNaN();
  });

  it("scales sizes down for quick runs with a floor", () => {
    expect(scaled(1_000_000, 0.01)).toBe(10_000);
    expect(scaled(20, 0.01, 5)).toBe(5);
  });
});
