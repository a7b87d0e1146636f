import { describe, expect, it } from "vitest";
import { clientAddress, PEER_HEADER } from "./client-address";
import { parseTrustedProxies } from "./trusted-proxies";

const headers = (values: Record<string, string>) => new Headers(values);

describe("clientAddress", () => {
  const none = parseTrustedProxies("");
  const proxies = parseTrustedProxies("10.0.0.0/8, 192.0.2.10, fd00::/8");

  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(clientAddress(headers({ [PEER_HEADER]: "::ffff:127.0.0.1", "x-forwarded-for": "203.0.113.9" }), none)).toBe("127.0.0.1");
    expect(clientAddress(headers({ [PEER_HEADER]: "198.51.100.4", "x-forwarded-for": "203.0.113.9" }), proxies)).toBe("198.51.100.4");
  });

  it("is unknown without our server's peer header", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "203.0.113.9" }), proxies)).toBeNull();
  });

  it("takes the right-most address that is not a trusted proxy, when the peer is one", () => {
    const forwarded = "6.6.6.6, 203.0.113.9, 10.1.2.3";
    expect(clientAddress(headers({ [PEER_HEADER]: "192.0.2.10", "x-forwarded-for": forwarded }), proxies)).toBe("203.0.113.9");
    expect(clientAddress(headers({ [PEER_HEADER]: "fd00::1", "x-forwarded-for": "2001:db8::5" }), proxies)).toBe("2001:db8::5");
    // Only proxies in the chain: the left-most hop is all there is.
    expect(clientAddress(headers({ [PEER_HEADER]: "10.0.0.1", "x-forwarded-for": "10.0.0.2" }), proxies)).toBe("10.0.0.2");
    expect(clientAddress(headers({ [PEER_HEADER]: "10.0.0.1" }), proxies)).toBe("10.0.0.1");
  });

  it("refuses a setting it cannot read", () => {
    expect(() => parseTrustedProxies("10.0.0.0/33")).toThrow(/prefix/);
    expect(() => parseTrustedProxies("proxy.example")).toThrow(/not an address/);
    expect(() => parseTrustedProxies("10.0.0.1/8/9")).toThrow();
  });
});
