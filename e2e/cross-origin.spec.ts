// A page on another origin (here another port of the same host, which SameSite=Lax does
// not stop) tries to drive the console with the signed-in admin's cookie.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { signIn } from "./fixtures/session";

test("a page on another origin cannot create an admin API key or contain an agent with the admin's session", async ({ page, baseURL }) => {
  await signIn(page);
  const agent = await (await page.request.post("/api/v1/agents", { data: { name: `csrf-target-${Date.now()}`, owner: "dana@example.com" } })).json();
  const keyName = `csrf-${Date.now()}`;
  const attacker = http.createServer((_, res) => {
    res.setHeader("content-type", "text/html");
    res.end(`<!doctype html><script>
      const opts = (body) => ({ method: "POST", mode: "no-cors", credentials: "include",
        headers: { "content-type": "application/x-www-form-urlencoded; charset=a+json" }, body: JSON.stringify(body) });
      Promise.allSettled([
        fetch("${baseURL}/api/v1/api-keys", opts({ name: "${keyName}", role: "admin" })),
        fetch("${baseURL}/api/v1/agents/${agent.id}/contain", opts({ reason: "forged by another site" })),
      ]).then(() => { document.title = "sent"; });
    </script>`);
  });
  await new Promise<void>((resolve) => attacker.listen(0, "127.0.0.1", resolve));
  try {
    const evil = await page.context().newPage();
    await evil.goto(`http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`);
    await expect(evil).toHaveTitle("sent");
    const keys = await (await page.request.get("/api/v1/api-keys")).json();
    expect(JSON.stringify(keys)).not.toContain(keyName);
    expect((await (await page.request.get(`/api/v1/agents/${agent.id}`)).json()).status).toBe("active");

    // The same change from the console's own origin goes through.
    const own = await page.request.post("/api/v1/api-keys", { data: { name: `${keyName}-own`, role: "viewer" }, headers: { origin: new URL(baseURL ?? "").origin } });
    expect(own.status()).toBe(201);
    const forged = await page.request.post("/api/v1/api-keys", { data: { name: `${keyName}-forged`, role: "admin" }, headers: { origin: "https://evil.example" } });
    expect(forged.status()).toBe(403);
    expect((await forged.json()).error.code).toBe("cross_origin");
  } finally {
    await new Promise<void>((resolve) => attacker.close(() => resolve()));
  }
});
