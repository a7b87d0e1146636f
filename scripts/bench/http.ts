// A small HTTP client on node:http with keep-alive sockets. fetch (undici) costs
// noticeably more CPU per request, and on a 2-core machine the load generator shares
// the cores with the server: the cheaper the client, the more the figures say about
// the server.
import http from "node:http";

export interface HttpReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Milliseconds from sending the request to the last byte of the reply. */
  ms: number;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Called with each chunk as it arrives (for streamed downloads); the body is then not kept. */
  onChunk?: (chunk: Buffer) => void;
  timeoutMs?: number;
}

export class HttpClient {
  readonly agent: http.Agent;

  constructor(
    readonly baseUrl: string,
    maxSockets = 64,
  ) {
    this.agent = new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
  }

  /**
   * A kept-alive socket the server has just closed (its idle timeout) fails the request
   * sent on it with ECONNRESET; Node's documented answer is to send it again once.
   */
  async request(method: string, path: string, options: RequestOptions = {}): Promise<HttpReply> {
    try {
      return await this.send(method, path, options);
    } catch (error) {
      if ((error as { reusedSocket?: boolean; code?: string }).reusedSocket && (error as { code?: string }).code === "ECONNRESET") {
        return this.send(method, path, options);
      }
      throw error;
    }
  }

  private send(method: string, path: string, options: RequestOptions): Promise<HttpReply> {
    const url = new URL(path, this.baseUrl);
    const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
    const headers: Record<string, string> = { ...options.headers };
    if (body) headers["content-length"] = String(body.length);
    const started = performance.now();
    return new Promise((resolve, reject) => {
      const request = http.request(
        { method, hostname: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, headers, agent: this.agent },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => (options.onChunk ? options.onChunk(chunk) : chunks.push(chunk)));
          response.on("end", () =>
            resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks), ms: performance.now() - started }),
          );
          response.on("error", reject);
        },
      );
      request.setTimeout(options.timeoutMs ?? 120_000, () => request.destroy(new Error(`${method} ${path} timed out`)));
      request.on("error", (error: Error & { reusedSocket?: boolean }) => {
        error.reusedSocket = request.reusedSocket;
        reject(error);
      });
      request.end(body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** Reads a JSON reply, failing loudly with the status and the start of the body. */
export function json<T = Record<string, unknown>>(reply: HttpReply, expected: number | number[] = [200, 201]): T {
  const ok = Array.isArray(expected) ? expected.includes(reply.status) : reply.status === expected;
  if (!ok) throw new Error(`HTTP ${reply.status}: ${reply.body.toString("utf8").slice(0, 300)}`);
  return JSON.parse(reply.body.toString("utf8")) as T;
}

/** A JSON API caller bound to a bearer credential. */
export class ApiCaller {
  constructor(
    readonly client: HttpClient,
    readonly authorization: string,
  ) {}

  async get<T = Record<string, unknown>>(path: string): Promise<T> {
    return json<T>(await this.client.request("GET", path, { headers: { authorization: this.authorization } }), 200);
  }

  async post<T = Record<string, unknown>>(path: string, body: unknown): Promise<T> {
    return json<T>(await this.postRaw(path, body));
  }

  postRaw(path: string, body: unknown): Promise<HttpReply> {
    return this.client.request("POST", path, {
      headers: { authorization: this.authorization, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
  }
}
