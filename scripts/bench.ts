// `npm run bench` (`-- --quick` for a smoke run at a hundredth of the sizes): starts a
// production server on its own database (PGlite by default, a fresh database on the
// PostgreSQL server DATABASE_URL names), measures ingest, token checks, containment,
// the timeline, the live stream and reports against same-run baselines, prints a
// table and writes bench-results.json. Not part of `npm test`: it takes minutes and
// its figures depend on the machine. See README.md, "Benchmarks".
import { parseOptions } from "./bench/options";
import { runBench } from "./bench/run";

try {
  await runBench(parseOptions(process.argv.slice(2), process.env));
  process.exit(0);
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
