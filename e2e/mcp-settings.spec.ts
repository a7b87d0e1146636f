// Issue 15, the console's side of the MCP gateway: an admin registers an upstream in
// Settings, sees its tools with their annotations, denies one, and the change holds after
// a reload and through the gateway itself (tools/list hides it). The overview's coverage
// KPI counts an agent once it has made a gateway call; its agent page says so.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { type Page, expect, test } from "@playwright/test";
import { UPSTREAM_KEY_HEADER, startMcpUpstream } from "../lib/testing/mcp-upstream";
import { E2E_PORT } from "./fixtures/constants";
import { gotoReady, signIn } from "./fixtures/session";

/** The coverage KPI as [behind the gateway, active agents]. */
async function coverage(page: Page): Promise<[number, number]> {
  await gotoReady(page, "/");
  const text = (await page.getByTestId("gateway-coverage-kpi").innerText()).replace(/\s+/g, " ");
  const match = /(\d+) of (\d+)/.exec(text);
  expect(match, text).not.toBeNull();
  return [Number(match?.[1]), Number(match?.[2])];
}

test("an admin registers an MCP server, denies a tool in Settings, and the gateway hides it", async ({ page }) => {
  test.setTimeout(90_000); // many page loads, on a shared two-core machine
  const key = `e2e-settings-${Date.now().toString(36)}`;
  const upstream = await startMcpUpstream(key);
  try {
    await signIn(page);
    const name = `tools-${Date.now().toString(36)}`;
    await gotoReady(page, "/settings#mcp-servers");
    const form = page.getByRole("form", { name: "Register an MCP server" });
    await form.getByLabel("Name", { exact: true }).fill(name);
    await form.getByLabel("Upstream URL").fill(upstream.url);
    await form.getByLabel("Header 1 name").fill(UPSTREAM_KEY_HEADER);
    await form.getByLabel("Header 1 value").fill(key);
    await form.getByRole("button", { name: "Register MCP server" }).click();
    await expect(form.getByRole("status")).toContainText(`Registered ${name}`);

    const row = page.getByTestId("mcp-server").filter({ hasText: name });
    await expect(row).toContainText("1 header set");
    await expect(row.getByTestId("gateway-url")).toHaveText(new RegExp(`/mcp/${name}$`));
    await row.getByRole("button", { name: "Policies" }).click();
    const tool = (toolName: string) => row.locator(`[data-tool="${toolName}"]`);
    await expect(tool("echo")).toContainText("read-only");
    await expect(tool("drop_table")).toContainText("destructive");
    await expect(tool("post_message")).toContainText("open world");
    await row.getByLabel("Policy for drop_table").selectOption("deny");
    await row.getByLabel("Sensitivity for drop_table").selectOption("restricted");
    await row.getByRole("button", { name: "Save policies" }).click();
    await expect(row.getByRole("status")).toContainText("Hidden from agents and refused: drop_table");

    await page.reload();
    await page.locator("html[data-hydrated]").waitFor();
    expect(await page.content()).not.toContain(key);
    const reloaded = page.getByTestId("mcp-server").filter({ hasText: name });
    await reloaded.getByRole("button", { name: "Policies" }).click();
    await expect(reloaded.getByLabel("Policy for drop_table")).toHaveValue("deny");
    await expect(reloaded.getByLabel("Sensitivity for drop_table")).toHaveValue("restricted");
    await expect(reloaded.getByLabel("Policy for echo")).toHaveValue("");

    // A fresh active agent only reports until it calls through the gateway.
    const run = Date.now().toString(36);
    const agent = await (await page.request.post("/api/v1/agents", { data: { name: `covered-bot-${run}`, owner: "dana.kim@example.com", scopes: ["tools:echo"] } })).json();
    const { token } = await (await page.request.post(`/api/v1/agents/${agent.id}/tokens`, { data: {} })).json();
    const [before, active] = await coverage(page);
    await gotoReady(page, `/agents/${agent.id}`);
    await expect(page.getByTestId("gateway-coverage")).toContainText("Reports only");

    const client = new Client({ name: "e2e-settings-agent", version: "1" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${E2E_PORT}/mcp/${name}`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((offered) => offered.name).sort()).toEqual(["echo", "post_message"]);
      expect((await client.callTool({ name: "echo", arguments: { text: "hi" } })).content).toEqual([{ type: "text", text: "echo: hi" }]);
    } finally {
      await client.close();
    }
    await expect.poll(() => coverage(page)).toEqual([before + 1, active]);
    await gotoReady(page, `/agents/${agent.id}`);
    await expect(page.getByTestId("gateway-coverage")).toContainText("Behind the MCP gateway");
  } finally {
    await upstream.close();
  }
});
