// Issue 18: the demo SEV1's blast radius is a sortable table per person and data set on
// the incident page, and its CSV export opens with a CSV library's defaults.
import { parse } from "csv-parse/sync";
import { expect, test } from "@playwright/test";
import { gotoReady, signIn } from "./fixtures/session";

test("the blast radius table sorts by column and exports the same rows as CSV", async ({ page }) => {
  await signIn(page);
  const { incidents } = await (await page.request.get("/api/v1/incidents?limit=50")).json();
  const sev1 = incidents.find((incident: { severity: string }) => incident.severity === "SEV1");
  const radius = await (await page.request.get(`/api/v1/incidents/${sev1.id}/blast-radius`)).json();
  expect(radius.exposures.length).toBeGreaterThan(10);
  // The story's readers came through the widened group: the source system said so.
  expect(radius.exposure.notCleared).toBeGreaterThan(10);
  expect(radius.exposures[0].cleared).toBe(false);

  await gotoReady(page, `/incidents/${sev1.id}`);
  const table = page.getByTestId("blast-radius-table");
  await expect(table.locator("tbody tr")).toHaveCount(radius.exposures.length);
  const people = async () => table.locator("tbody tr td:first-child").allTextContents();
  await table.getByRole("button", { name: "Person" }).click();
  await expect(table.getByRole("columnheader", { name: /Person/ })).toHaveAttribute("aria-sort", "ascending");
  const ascending = await people();
  expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
  await table.getByRole("button", { name: "Person" }).click();
  await expect(table.getByRole("columnheader", { name: /Person/ })).toHaveAttribute("aria-sort", "descending");
  expect(await people()).toEqual([...ascending].reverse());

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const file = await (await download).path();
  const { readFile } = await import("node:fs/promises");
  const rows = parse(await readFile(file, "utf8"), { columns: true }) as Record<string, string>[];
  expect(rows).toHaveLength(radius.exposures.length);
  expect(Object.keys(rows[0] ?? {})).toEqual(["person", "data_set_type", "data_set", "sensitivity", "accesses", "first_access", "last_access", "duration_seconds", "cleared"]);
  expect(rows.filter((row) => row.cleared === "no").length).toBe(radius.exposures.filter((row: { cleared: boolean | null }) => row.cleared === false).length);
});
