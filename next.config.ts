import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite ships 15 MB of wasm, argon2 a native addon and pdfkit its font files: load
  // them from node_modules at run time instead of bundling them.
  serverExternalPackages: ["@electric-sql/pglite", "argon2", "pdfkit"],
  poweredByHeader: false,
  experimental: {
    // forbidden() renders app/forbidden.tsx with a real 403 status.
    authInterrupts: true,
  },
};

export default nextConfig;
