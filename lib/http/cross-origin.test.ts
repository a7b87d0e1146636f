import { describe, expect, it } from "vitest";
import { isCrossOriginRequest } from "./cross-origin";

const request = (method: string, headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/v1/api-keys", { method, headers: { host: "127.0.0.1:3000", ...headers } });

describe("isCrossOriginRequest", () => {
  it("refuses a change whose Origin is another site, another port, or opaque", () => {
    expect(isCrossOriginRequest(request("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(isCrossOriginRequest(request("POST", { origin: "http://127.0.0.1:4000" }))).toBe(true);
    expect(isCrossOriginRequest(request("DELETE", { origin: "null" }))).toBe(true);
  });

  it("falls back to Sec-Fetch-Site, and lets non-browser clients (neither header) through", () => {
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "same-site" }))).toBe(true);
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossOriginRequest(request("POST", { "sec-fetch-site": "none" }))).toBe(false);
    expect(isCrossOriginRequest(request("POST", {}))).toBe(false);
  });

  it("accepts the console's own origin and never judges reads", () => {
    expect(isCrossOriginRequest(request("PATCH", { origin: "http://127.0.0.1:3000" }))).toBe(false);
    expect(isCrossOriginRequest(request("GET", { origin: "https://evil.example" }))).toBe(false);
  });
});
