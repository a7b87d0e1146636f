// A PostgreSQL cluster of a test's own, for tests that stop and start the database
// (never the shared server): initdb into a temporary folder, pg_ctl on a fixed port.
// As root the binaries run as the postgres user, since initdb refuses root.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";

export const clusterBinariesPresent = fs.existsSync(path.join(BIN, "pg_ctl")) && fs.existsSync(path.join(BIN, "initdb"));

export interface OwnCluster {
  url: string;
  stop(): void;
  start(): void;
  destroy(): void;
}

function run(command: string, args: string[]): void {
  const asRoot = process.getuid?.() === 0;
  const [file, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", path.join(BIN, command), ...args]] : [path.join(BIN, command), args];
  execFileSync(file, argv, { stdio: "pipe", timeout: 60_000 });
}

export function createOwnCluster(port: number): OwnCluster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tq-cluster-${port}-`));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8"]);
  const log = path.join(dir, "log");
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "start"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    destroy: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A streaming replica of a cluster made by createOwnCluster: pg_basebackup with -R
 * (standby.signal and primary_conninfo), started as a hot standby on its own port.
 */
export function createReplicaOf(primaryPort: number, port: number): OwnCluster {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `tq-replica-${port}-`));
  if (process.getuid?.() === 0) execFileSync("chown", ["postgres", dir]);
  const data = path.join(dir, "data");
  run("pg_basebackup", ["-h", "127.0.0.1", "-p", String(primaryPort), "-U", "postgres", "-D", data, "-R", "-X", "stream", "--no-sync"]);
  const log = path.join(dir, "log");
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c hot_standby=on`;
  const start = () => run("pg_ctl", ["-D", data, "-l", log, "-o", options, "-w", "start"]);
  start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start,
    stop: () => run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    destroy: () => {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
