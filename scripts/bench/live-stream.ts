// A subscriber of GET /api/v1/stream (Server-Sent Events): `event: actions` with a
// JSON array of public actions per commit (app/api/v1/stream, lib/live/action-hub.ts).
// It notes when each action, by the sender's id, first arrived.
import http from "node:http";

export class LiveWatcher {
  /** Sender's action id → performance.now() when it arrived on the stream. */
  readonly arrivals = new Map<string, number>();
  private buffer = "";
  private waiters: (() => void)[] = [];

  private constructor(private readonly request: http.ClientRequest) {}

  static open(baseUrl: string, authorization: string): Promise<LiveWatcher> {
    const url = new URL("/api/v1/stream", baseUrl);
    return new Promise((resolve, reject) => {
      const request = http.request(
        { hostname: url.hostname, port: url.port, path: url.pathname, headers: { authorization, accept: "text/event-stream" }, agent: false },
        (response) => {
          if (response.statusCode !== 200) {
            reject(new Error(`stream: HTTP ${response.statusCode}`));
            response.resume();
            return;
          }
          response.setEncoding("utf8");
          let ready = false;
          response.on("data", (chunk: string) => {
            const events = watcher.take(chunk);
            if (!ready && events.includes("ready")) {
              ready = true;
              resolve(watcher);
            }
          });
          response.on("error", () => {});
        },
      );
      const watcher = new LiveWatcher(request);
      request.on("error", (error) => reject(error));
      request.end();
    });
  }

  /** Parses what arrived; returns the event names completed in this chunk. */
  private take(chunk: string): string[] {
    const now = performance.now();
    this.buffer += chunk;
    const names: string[] = [];
    let end = this.buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let name = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith("event:")) name = line.slice(6).trim();
        else if (line.startsWith("data:")) data.push(line.slice(5).trimStart());
      }
      names.push(name);
      if (name === "actions") {
        for (const action of JSON.parse(data.join("\n")) as { id: string }[]) if (!this.arrivals.has(action.id)) this.arrivals.set(action.id, now);
        for (const wake of this.waiters.splice(0)) wake();
      }
      end = this.buffer.indexOf("\n\n");
    }
    return names;
  }

  /** Resolves when every id has arrived, or after timeoutMs (then some are missing). */
  async waitFor(ids: readonly string[], timeoutMs: number): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (ids.some((id) => !this.arrivals.has(id)) && performance.now() < deadline) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(1, deadline - performance.now()));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  close(): void {
    this.request.destroy();
  }
}
