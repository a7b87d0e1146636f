// Reads Server-Sent Events from a stream body, as a browser's EventSource would parse them.
export interface SseEvent {
  event: string;
  id: string | null;
  data: string;
}

export interface SseReader {
  events: SseEvent[];
  /** Resolves when the stream ends (the server closed it). */
  ended: Promise<void>;
  cancel(): Promise<void>;
}

export function readSse(body: ReadableStream<Uint8Array>): SseReader {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = "";
  const ended = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event: SseEvent = { event: "message", id: null, data: "" };
          let hasField = false;
          for (const line of block.split("\n")) {
            if (line.startsWith(":")) continue;
            const colon = line.indexOf(":");
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
            hasField = true;
            if (field === "event") event.event = value;
            else if (field === "id") event.id = value;
            else if (field === "data") event.data += event.data ? `\n${value}` : value;
          }
          if (hasField && (event.data || event.event !== "message")) events.push(event);
        }
      }
    } catch {
      // cancelled
    }
  })();
  return { events, ended, cancel: () => reader.cancel() };
}
