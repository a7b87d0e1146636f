import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { startReceiver } from "../lib/testing/receiver";
import { addPersonAsAdmin, gotoReady, signIn } from "./fixtures/session";

test("a responder contains an agent: the page, the inventory, introspection and connected systems agree", async ({ page, request }) => {
  // About 20 s on a quiet machine (three sign-ins, a containment, reports); 30 s ran out on a loaded one.
  test.setTimeout(60_000);
  const receiver = await startReceiver();
  try {
    // Set-up as the admin: a resource server, a webhook connector, an agent with a live token.
    await signIn(page);
    const server = await (await page.request.post("/api/v1/resource-servers", { data: { name: `rs-${Date.now()}` } })).json();
    const connector = await (await page.request.post("/api/v1/connectors", { data: { name: "siem", kind: "webhook", url: receiver.url } })).json();
    const name = `kill-me-${Date.now()}`;
    const agent = await (await page.request.post("/api/v1/agents", { data: { name, owner: "dana@example.com", team: "Kill Team", scopes: ["forum:post"] } })).json();
    const issued = await (await page.request.post(`/api/v1/agents/${agent.id}/tokens`, { data: {} })).json();
    const introspect = async () =>
      (
        await request.post("/api/oauth/introspect", {
          form: { token: issued.token },
          // A fresh connection per check: an idle keep-alive socket may already be closed by the server.
          headers: { authorization: `Basic ${Buffer.from(`${server.clientId}:${server.clientSecret}`).toString("base64")}`, connection: "close" },
        })
      ).json();
    expect((await introspect()).active).toBe(true);
    await page.context().clearCookies();

    const responder = await addPersonAsAdmin(page, "responder");
    await signIn(page, responder.email, responder.password);
    await gotoReady(page, `/agents/${agent.id}`);
    await page.getByRole("button", { name: `Contain ${name}` }).first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByText("Revoke 1 live token.")).toBeVisible();
    await expect(dialog.getByText(/Tell siem \(webhook\)/)).toBeVisible();
    await dialog.getByLabel(/Reason/).fill("posted unapproved advice on the forum");
    const contained = page.waitForResponse((response) => response.url().endsWith(`/agents/${agent.id}/contain`));
    await dialog.getByRole("button", { name: `Contain ${name}` }).click();
    expect((await contained).status()).toBe(200);

    // The moment the call returns, every token is dead for every resource server.
    expect(await introspect()).toEqual({ active: false });
    await expect(page.getByTestId("containment-banner")).toContainText(`by ${responder.email}: posted unapproved advice on the forum`);
    await expect(page.getByText("suspended · contained").first()).toBeVisible();
    await expect(page.getByText("revoked", { exact: true }).first()).toBeVisible();

    await gotoReady(page, `/agents?q=${name}`);
    await expect(page.getByRole("row", { name: new RegExp(name) }).getByText("suspended · contained")).toBeVisible();

    // The connected system got a signed Standard Webhooks event, and the agent page says so.
    await expect.poll(() => receiver.received.length, { timeout: 10_000 }).toBeGreaterThan(0);
    const [message] = receiver.received;
    const event = new Webhook(connector.secret).verify(message?.body ?? "", message?.headers ?? {}) as { type: string; data: { agent: { id: string } } };
    expect(event).toMatchObject({ type: "agent.contained", data: { agent: { id: agent.id } } });
    await gotoReady(page, `/agents/${agent.id}`);
    await expect(page.getByText("delivered").first()).toBeVisible();

    // A responder cannot restore; an admin can, with a fresh token, and the old one stays dead.
    expect((await page.request.post(`/api/v1/agents/${agent.id}/restore`, { data: { reason: "fixed" } })).status()).toBe(403);
    await page.context().clearCookies();
    await signIn(page);
    await gotoReady(page, `/agents/${agent.id}`);
    await page.getByRole("button", { name: "Restore" }).click();
    await page.getByRole("dialog").getByLabel(/Reason/).fill("approval step added to the forum assistant");
    await page.getByRole("dialog").getByRole("button", { name: "Restore agent" }).click();
    await expect(page.getByTestId("secret")).toContainText("tq_at_");
    expect(await introspect()).toEqual({ active: false });
  } finally {
    await receiver.close();
  }
});

test("a viewer sees no kill switch and the API refuses it", async ({ page }) => {
  const viewer = await addPersonAsAdmin(page, "viewer");
  await signIn(page, viewer.email, viewer.password);
  await gotoReady(page, "/agents");
  await expect(page.getByRole("button", { name: /^Contain/ })).toHaveCount(0);
  const agents = await (await page.request.get("/api/v1/agents?q=docs-search")).json();
  const reply = await page.request.post(`/api/v1/agents/${agents.agents[0].id}/contain`, { data: { reason: "curious" } });
  expect(reply.status()).toBe(403);
});
