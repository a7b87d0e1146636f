// Runs after `npm install`: fixes a known defect of postgres.js 3.4.9 that a database
// outage triggers (porsager/postgres#1154, #1208; fix proposed in #1176/#1209, not
// released). Teardown cancels the pending small write without forgetting it, so a
// connection that lost its socket with a write buffered either throws from a
// setImmediate (an uncaught TypeError that ends the server process) or never flushes
// again (every later query on it waits for the connect timeout, forever). Idempotent;
// remove when the pinned version contains the fix.
import fs from "node:fs";
import path from "node:path";

const MARK = "/* tourniquet: nextWrite guard */";
const root = path.join(process.cwd(), "node_modules", "postgres");

for (const file of ["src/connection.js", "cjs/src/connection.js"]) {
  const target = path.join(root, file);
  if (!fs.existsSync(target)) continue;
  let text = fs.readFileSync(target, "utf8");
  if (text.includes(MARK)) continue;
  const guard = `function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      return false
    }`;
  const before = text;
  text = text.replace("function nextWrite(fn) {", guard);
  // Teardown: cancel AND forget the pending write (it belongs to queries that are being failed).
  text = text.replace(/\n(\s+)clearImmediate\(nextWriteTimer\)\n/g, "\n$1clearImmediate(nextWriteTimer)\n$1chunk = nextWriteTimer = null\n");
  if (text === before || !text.includes(MARK)) {
    console.warn(`patch-postgres-driver: ${file} did not match; check the postgres.js version`);
    continue;
  }
  fs.writeFileSync(target, text);
}
