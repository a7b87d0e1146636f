// Issue 18: at 390 px (a phone) no page of the console scrolls sideways.
import { expect, test } from "@playwright/test";
import { gotoReady, signIn } from "./fixtures/session";

test.use({ viewport: { width: 390, height: 844 } });

test("every page fits 390 px without horizontal scroll", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page);
  const agents = await (await page.request.get("/api/v1/agents?pageSize=1")).json();
  const incidents = await (await page.request.get("/api/v1/incidents?limit=1")).json();
  const pages = ["/", "/alerts", "/approvals", "/agents", `/agents/${agents.agents[0].id}`, "/timeline", "/incidents", `/incidents/${incidents.incidents[0].id}`, "/incidents/new", "/audit", "/settings", "/delegations"];
  const widths: Record<string, number> = {};
  for (const url of pages) {
    await gotoReady(page, url);
    await page.waitForLoadState("networkidle").catch(() => {});
    await page.waitForTimeout(500);
    widths[url] = await page.evaluate(() => document.documentElement.scrollWidth);
    if (widths[url] > 390) {
      // Name the culprits, so a failure says what to fix.
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll("main *")]
          .filter((element) => element.getBoundingClientRect().right > 392 && element.children.length === 0)
          .slice(0, 5)
          .map((element) => `${element.tagName.toLowerCase()}.${(element.getAttribute("class") ?? "").split(" ").slice(0, 4).join(".")} "${(element.textContent ?? "").slice(0, 40)}"`),
      );
      console.log(`[narrow-screens] ${url}: ${wide.join(" | ")}`);
    }
  }
  console.log(`[narrow-screens] ${JSON.stringify(widths)}`);
  for (const [url, width] of Object.entries(widths)) expect(width, url).toBeLessThanOrEqual(390);
});
