import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships 15 MB of wasm, argon2 a native addon and pdfkit its font files: load
  // them from node_modules at run time instead of bundling them.
  serverExternalPackages: ["@electric-sql/pglite", "otlp-proto-definitions", "protobufjs", "argon2", "pdfkit"],
  poweredByHeader: false,
  // Hardening for every response; pages also get a per-request CSP from proxy.ts.
  async headers() {
    const common = [
      { key: "X-Frame-Options", value: "DENY" },
      { key: "X-Content-Type-Options", value: "nosniff" },
      { key: "Referrer-Policy", value: "no-referrer" },
      { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=()" },
      { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
      { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
    ];
    return [
      { source: "/:path*", headers: common },
      // JSON and event streams are never documents: nothing may run or frame them.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      { source: "/mcp/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
};

export default nextConfig;
