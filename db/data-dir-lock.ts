// A pid file that keeps a second process off an embedded database folder: PGlite
// itself would let both open it and then lose writes without a word.
import fs from "node:fs";
import path from "node:path";
import { DatabaseError } from "./errors";

// Folders this process holds; a pid file with our own pid that is not in here was
// left by an earlier process that had the same pid (common in containers).
const held = ((globalThis as { __tourniquetHeldDataDirs?: Set<string> }).__tourniquetHeldDataDirs ??= new Set());

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

export function holdDataDirLock(folder: string): () => void {
  const lockFile = path.join(folder, "tourniquet.pid");
  if (held.has(lockFile)) {
    throw new DatabaseError(`the embedded database in ${folder} is already open in this process`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockFile, String(process.pid), { flag: "wx" });
      held.add(lockFile);
      return () => {
        held.delete(lockFile);
        fs.rmSync(lockFile, { force: true });
      };
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const holder = Number(fs.readFileSync(lockFile, "utf8"));
      if (holder === process.pid || !Number.isInteger(holder) || !isAlive(holder)) {
        fs.rmSync(lockFile, { force: true });
        continue;
      }
      throw new DatabaseError(
        `the embedded database in ${folder} is in use by process ${holder}; stop it or set TOURNIQUET_DATA_DIR to another folder`,
      );
    }
  }
  throw new DatabaseError(`could not lock the embedded database in ${folder}`);
}
