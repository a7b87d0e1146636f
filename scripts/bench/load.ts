// Closed-loop load: `concurrency` workers each send their next request as soon as the
// previous one answered. Throughput is then what the server sustains at that
// concurrency, and latency is not hidden behind a queue in the client.

/** Runs task(0..count-1) with at most `concurrency` in flight; returns wall-clock ms. */
export async function runPool(count: number, concurrency: number, task: (index: number, worker: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async (_, worker) => {
      while (next < count) {
        const index = next++;
        await task(index, worker);
      }
    }),
  );
  return performance.now() - started;
}

/** Background load that runs until stopped; stop() resolves when every worker finished its request. */
export function runUntilStopped(concurrency: number, task: (iteration: number, worker: number) => Promise<void>): { stop(): Promise<number> } {
  let running = true;
  let iteration = 0;
  const workers = Array.from({ length: concurrency }, async (_, worker) => {
    while (running) await task(iteration++, worker);
  });
  return {
    async stop() {
      running = false;
      await Promise.all(workers);
      return iteration;
    },
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
