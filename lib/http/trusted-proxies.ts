// TOURNIQUET_TRUSTED_PROXIES: the reverse proxies whose `X-Forwarded-For` is believed.
// A comma-separated list of addresses and CIDR ranges (IPv4 or IPv6); empty means
// none, so a client can never choose the address it is counted and audited under.
import net from "node:net";

export interface TrustedProxies {
  /** Whether this peer address is a trusted proxy. */
  trusts(address: string): boolean;
}

/** Maps an IPv4 client on a dual-stack socket ("::ffff:203.0.113.9") to plain IPv4. */
export function plainAddress(address: string): string {
  return address.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

/** Parses the setting; throws with the entry at fault (lib/env.ts turns it into one line). */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new net.BlockList();
  let entries = 0;
  for (const raw of (value ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const [address = "", prefix, extra] = entry.split("/");
    const family = net.isIP(address);
    if (!family || extra !== undefined) throw new Error(`"${entry}" is not an address or a CIDR range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (prefix === undefined) {
      list.addAddress(address, type);
    } else {
      const bits = Number(prefix);
      if (!/^\d{1,3}$/.test(prefix) || bits > (family === 4 ? 32 : 128)) throw new Error(`"${entry}" has a bad prefix length`);
      list.addSubnet(address, bits, type);
    }
    entries += 1;
  }
  return {
    trusts(address) {
      if (entries === 0) return false;
      const plain = plainAddress(address);
      const family = net.isIP(plain);
      return family !== 0 && list.check(plain, family === 4 ? "ipv4" : "ipv6");
    },
  };
}
