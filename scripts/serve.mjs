// The HTTP server `npm start` runs: Next.js behind a plain Node server, so that the
// address of the peer that opened the socket reaches the app. Next's own server keeps a
// client-sent `X-Forwarded-For` as it is, which would let anyone choose the address
// every per-address limit and audit entry sees. Here the socket's address is written to
// `x-tourniquet-peer` (overwriting whatever a client sent under that name), and
// lib/http/client-address.ts trusts `X-Forwarded-For` only when that peer is one of
// TOURNIQUET_TRUSTED_PROXIES.
import http from "node:http";
import next from "next";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
// Every interface, as `next start` does (HOSTNAME is not read: containers set it to their id).
const app = next({ dev, port, hostname: "localhost" });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers["x-tourniquet-peer"] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
if (dev) server.on("upgrade", app.getUpgradeHandler());
server.listen(port, () => {
  console.log(`Tourniquet: listening on http://localhost:${port}${dev ? " (development)" : ""}`);
});
