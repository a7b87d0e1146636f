// Issue 15: an agent's tool call through the MCP gateway waits on the Approvals page until
// a responder approves it in the console; then the agent gets the upstream's answer. The
// agent is the official SDK client in the test process, the upstream a real SDK server
// on loopback, the gateway the production server's /mcp/{name} route.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { expect, test } from "@playwright/test";
import { UPSTREAM_KEY_HEADER, startMcpUpstream } from "../lib/testing/mcp-upstream";
import { E2E_PORT } from "./fixtures/constants";
import { gotoReady, signIn } from "./fixtures/session";

test("a held gateway call is approved in the console and the agent gets its answer", async ({ page }) => {
  const key = `e2e-${Date.now().toString(36)}`;
  const upstream = await startMcpUpstream(key);
  try {
    await signIn(page);
    const run = Date.now().toString(36);
    const name = `forum-${run}`;
    const registered = await page.request.post("/api/v1/mcp-servers", {
      data: { name, url: upstream.url, headers: { [UPSTREAM_KEY_HEADER]: key }, tools: { post_message: { policy: "approve", kind: "message_post" } } },
    });
    expect(registered.status(), await registered.text()).toBe(201);
    const server = await registered.json();
    expect(JSON.stringify(server)).not.toContain(key);
    const agent = await (await page.request.post("/api/v1/agents", { data: { name: `gateway-bot-${run}`, owner: "dana.kim@example.com", scopes: ["forum:post"] } })).json();
    const { token } = await (await page.request.post(`/api/v1/agents/${agent.id}/tokens`, { data: {} })).json();

    // Without a token: 401 naming the protected-resource metadata, which names us.
    const bare = await page.request.post(`/mcp/${name}`, { data: {} });
    expect(bare.status()).toBe(401);
    const challenge = bare.headers()["www-authenticate"] ?? "";
    const metadataUrl = /resource_metadata="([^"]+)"/.exec(challenge)?.[1] ?? "";
    expect(metadataUrl).toContain(`/.well-known/oauth-protected-resource/mcp/${name}`);
    const metadata = await (await page.request.get(new URL(metadataUrl).pathname)).json();
    expect(metadata.authorization_servers).toHaveLength(1);

    const client = new Client({ name: "e2e-agent", version: "1" });
    await client.connect(new StreamableHTTPClientTransport(new URL(`http://127.0.0.1:${E2E_PORT}/mcp/${name}`), { requestInit: { headers: { authorization: `Bearer ${token}` } } }));
    try {
      await gotoReady(page, "/approvals");
      const answer = client.callTool({ name: "post_message", arguments: { text: "widen the group" } }, undefined, { timeout: 60_000 });
      const card = page.getByTestId("approval").filter({ hasText: `post_message on MCP server ${name}` });
      await expect(card).toBeVisible({ timeout: 15_000 });
      expect(upstream.calls.post_message).toBeUndefined();
      await card.getByRole("textbox").fill("Checked with Dana; fine to post");
      await card.getByRole("button", { name: "Approve" }).click();
      expect((await answer).content).toEqual([{ type: "text", text: "posted: widen the group" }]);
      expect(upstream.calls.post_message).toBe(1);
    } finally {
      await client.close();
    }
  } finally {
    await upstream.close();
  }
});
