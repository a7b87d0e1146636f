// Runs once as the server starts. The Node.js-only work lives in its own module so
// the edge bundle never sees it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareServer } = await import("@/lib/setup/prepare-server");
  await prepareServer();
}
