// The blast radius's per-person table as RFC 4180 CSV: the header row first, one row per
// person and data set, nothing else, so a spreadsheet or a CSV library opens it as is.
import { stringify } from "csv-stringify/sync";
import type { PersonExposure } from "./blast-radius";

const columns = ["person", "data_set_type", "data_set", "sensitivity", "accesses", "first_access", "last_access", "duration_seconds", "cleared"];

export function blastRadiusCsv(exposures: readonly PersonExposure[]): string {
  const rows = exposures.map((row) => [
    row.person,
    row.resourceType,
    row.resourceId,
    row.sensitivity ?? "",
    row.accesses,
    row.first,
    row.last,
    row.durationSeconds,
    row.cleared === null ? "unknown" : row.cleared ? "yes" : "no",
  ]);
  return stringify([columns, ...rows], { record_delimiter: "windows" });
}
