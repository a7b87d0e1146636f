// Bounds the work a JSON body can cause before JSON.parse and zod see it. It reads the
// text chunk by chunk as it arrives (after gunzip), keeping only a stack of container
// types, so it never recurses and costs one pass over the bytes: too deep a nesting,
// too many items in a counted list (spans of an export, actions of a batch) or too many
// values in all stop the request with a 4xx before anything is built from it.
import { AppError } from "@/lib/errors";

export interface JsonShapeLimits {
  /** Containers open at once, the body's own object included. */
  maxDepth: number;
  /** Keys whose arrays are counted, with how many items they may hold in all. */
  counted?: { key: string; max: number; what: string };
  /** Objects, arrays, array items and object members in the whole body. */
  maxValues: number;
  /** Objects and arrays in the whole body: each costs JSON.parse far more than a scalar. */
  maxContainers: number;
}

const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;

export class JsonShapeGuard {
  /** 1 = object, 2 = array, 3 = counted array. */
  private readonly stack: number[] = [];
  private inString = false;
  private escaped = false;
  /** The string being read is a key (directly in an object). */
  private inKey = false;
  /** The key read so far still matches the counted key, and how much of it. */
  private keyMatches = false;
  private keyLength = 0;
  /** The last key closed was the counted key: the value that follows is counted. */
  private keyIsCounted = false;
  private readonly countedKey: Buffer | null;
  private counted = 0;
  private values = 0;
  private containers = 0;
  private countedEmpty = false;

  constructor(private readonly limits: JsonShapeLimits) {
    this.countedKey = limits.counted ? Buffer.from(limits.counted.key, "utf8") : null;
  }

  /** Feeds the next bytes of the body; throws a 413/400 AppError past a limit. */
  push(chunk: Uint8Array): void {
    const { maxDepth, counted, maxValues, maxContainers } = this.limits;
    // Most of a body is string content: inside a string, the next quote or backslash is
    // found by Buffer's native search, not byte by byte, and a key is compared with the
    // counted key in place rather than copied (a batch of 500 actions: 5 ms → under 1).
    // The backslash position is remembered, so a chunk without one is searched once.
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let nextBackslash = bytes.indexOf(BACKSLASH);
    for (let i = 0; i < bytes.length; i++) {
      if (this.inString && !this.escaped) {
        if (nextBackslash !== -1 && nextBackslash < i) nextBackslash = bytes.indexOf(BACKSLASH, i);
        const quote = bytes.indexOf(QUOTE, i);
        const found = nextBackslash !== -1 && (quote === -1 || nextBackslash < quote) ? nextBackslash : quote;
        const stop = found === -1 ? bytes.length : found;
        if (this.inKey && this.keyMatches) this.matchKey(bytes, i, stop);
        if (found === -1) return; // the string goes on in the next chunk
        i = stop;
      }
      const byte = bytes[i] as number;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) {
          this.escaped = true;
          // An escaped key is never taken for the counted one; the totals still bound it.
          this.keyMatches = false;
        } else if (byte === QUOTE) {
          this.inString = false;
          if (this.inKey) {
            this.keyIsCounted = this.keyMatches && this.keyLength === this.countedKey?.length;
            this.inKey = false;
          }
        }
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      if (byte === QUOTE) {
        if (top === 3 && this.countedEmpty) this.countItem(counted);
        this.inString = true;
        // Only strings directly in an object can be keys.
        this.inKey = top === 1;
        this.keyMatches = this.inKey && this.countedKey !== null;
        this.keyLength = 0;
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (top === 3 && this.countedEmpty) this.countItem(counted);
        if (this.stack.length >= maxDepth) throw new AppError(400, "too_deep", `The body nests more than ${maxDepth} levels deep.`);
        if (++this.values > maxValues) throw new AppError(413, "payload_too_large", `The body holds more than ${maxValues} values.`);
        if (++this.containers > maxContainers) throw new AppError(413, "payload_too_large", `The body holds more than ${maxContainers} objects and arrays.`);
        const isCounted = byte === OPEN_ARRAY && this.keyIsCounted;
        this.stack.push(byte === OPEN_OBJECT ? 1 : isCounted ? 3 : 2);
        this.countedEmpty = isCounted;
        this.keyIsCounted = false;
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        this.stack.pop();
        this.countedEmpty = false;
        this.keyIsCounted = false;
      } else if (byte === COMMA) {
        if (top === 3) this.countItem(counted);
        if (++this.values > maxValues) throw new AppError(413, "payload_too_large", `The body holds more than ${maxValues} values.`);
        this.keyIsCounted = false;
      } else if (byte === COLON) {
        // the key stays set for the value that follows
      } else if (top === 3 && this.countedEmpty && byte > 0x20) {
        this.countItem(counted);
      }
    }
  }

  /** Compares bytes [from, to) of a key with the counted key's next bytes. */
  private matchKey(bytes: Buffer, from: number, to: number): void {
    const key = this.countedKey as Buffer;
    const length = to - from;
    if (this.keyLength + length > key.length || bytes.compare(key, this.keyLength, this.keyLength + length, from, to) !== 0) {
      this.keyMatches = false;
      return;
    }
    this.keyLength += length;
  }

  private countItem(counted: JsonShapeLimits["counted"]): void {
    this.countedEmpty = false;
    if (!counted) return;
    if (++this.counted > counted.max) {
      throw new AppError(413, "payload_too_large", `The body holds more than ${counted.max} ${counted.what}; send them in several requests.`);
    }
  }
}
