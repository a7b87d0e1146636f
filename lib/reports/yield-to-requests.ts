// Rendering a report is CPU work on the thread that also answers token checks. A
// renderer calls this between rows: once it has run for a few milliseconds, it waits for
// one turn of the event loop (setImmediate, after pending I/O), so other requests are
// served in between and a 100,000-action PDF never holds the loop for long. Awaiting a
// resolved promise would not do: microtasks run before any I/O.
const SLICE_MS = 8;

export function yieldToRequests(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let started = performance.now();
  return () => {
    if (performance.now() - started < sliceMs) return undefined;
    return new Promise<void>((resolve) =>
      setImmediate(() => {
        started = performance.now();
        resolve();
      }),
    );
  };
}
