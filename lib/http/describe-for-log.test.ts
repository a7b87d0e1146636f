import { describe, expect, it } from "vitest";
import { describeForLog } from "./describe-for-log";

describe("describeForLog", () => {
  it("keeps the kind and database code of an error, never its message", () => {
    const failed = new Error("Failed query: insert … params: tq_at_secret-token-value", { cause: { code: "23505" } });
    expect(describeForLog(failed)).toBe("Error (23505)");
    expect(describeForLog(new TypeError("tq_ak_secret"))).toBe("TypeError");
  });
});
