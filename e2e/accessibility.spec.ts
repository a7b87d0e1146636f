// Issue 18: axe-core finds no serious or critical accessibility violation on any page of
// the console, signed out (sign-in) and signed in, at desktop and phone widths.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { gotoReady, signIn } from "./fixtures/session";

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.slice(0, 3).map((node) => node.target.join(" ")).join(" | ")}`);
}

async function consolePages(page: Page): Promise<string[]> {
  const agents = await (await page.request.get("/api/v1/agents?pageSize=1")).json();
  const incidents = await (await page.request.get("/api/v1/incidents?limit=1")).json();
  return ["/", "/alerts", "/approvals", "/agents", `/agents/${agents.agents[0].id}`, "/timeline", "/incidents", `/incidents/${incidents.incidents[0].id}`, "/incidents/new", "/audit", "/settings", "/delegations"];
}

test("the sign-in page has no serious or critical violation", async ({ page }) => {
  await page.goto("/sign-in");
  expect(await seriousViolations(page)).toEqual([]);
});

for (const viewport of [{ width: 1440, height: 900 }, { width: 390, height: 844 }]) {
  test(`every console page at ${viewport.width} px has no serious or critical violation`, async ({ page }) => {
    test.setTimeout(180_000);
    await page.setViewportSize(viewport);
    await signIn(page);
    const found: Record<string, string[]> = {};
    for (const url of await consolePages(page)) {
      await gotoReady(page, url);
      await page.waitForLoadState("networkidle").catch(() => {});
      const violations = await seriousViolations(page);
      if (violations.length) found[url] = violations;
    }
    expect(found).toEqual({});
  });
}
