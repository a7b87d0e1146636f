import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "./safe-callback-url";

describe("safeCallbackUrl", () => {
  it("keeps paths on this site", () => {
    expect(safeCallbackUrl("/incidents/1?tab=report#impact")).toBe("/incidents/1?tab=report#impact");
    expect(safeCallbackUrl("/oauth/authorize?client_id=a&redirect_uri=https%3A%2F%2Fx")).toBe("/oauth/authorize?client_id=a&redirect_uri=https%3A%2F%2Fx");
  });

  it("sends everything that could leave the origin, or break a header, to /", () => {
    for (const value of ["/\t/evil.example", "/\n/evil.example", "/%0A", "\n", "//evil.example", "/\\evil.example", "https://evil.example", "javascript:alert(1)", "evil", 42, undefined, `/${"a".repeat(3000)}`]) {
      const safe = safeCallbackUrl(value);
      expect(safe === "/" || safe === "/%0A").toBe(true);
      expect(new URL(safe, "http://console.test").origin).toBe("http://console.test");
      expect(safe).not.toMatch(/[\u0000-\u001f]/);
    }
  });
});
