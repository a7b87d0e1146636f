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
  /** The last string closed at object level, i.e. the key of the value that follows. */
  private key = "";
  private collecting = false;
  private keyBytes: number[] = [];
  private counted = 0;
  private values = 0;
  private containers = 0;
  private countedEmpty = false;

  constructor(private readonly limits: JsonShapeLimits) {}

  /** Feeds the next bytes of the body; throws a 413/400 AppError past a limit. */
  push(chunk: Uint8Array): void {
    const { maxDepth, counted, maxValues, maxContainers } = this.limits;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (byte === BACKSLASH) this.escaped = true;
        else if (byte === QUOTE) {
          this.inString = false;
          if (this.collecting) {
            this.key = Buffer.from(this.keyBytes).toString("utf8");
            this.collecting = false;
          }
        } else if (this.collecting && this.keyBytes.length < 64) this.keyBytes.push(byte);
        continue;
      }
      const top = this.stack[this.stack.length - 1];
      if (byte === QUOTE) {
        if (top === 3 && this.countedEmpty) this.countItem(counted);
        this.inString = true;
        // Only strings directly in an object can be keys; 64 bytes is enough to compare.
        this.collecting = top === 1;
        this.keyBytes = [];
      } else if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) {
        if (top === 3 && this.countedEmpty) this.countItem(counted);
        if (this.stack.length >= maxDepth) throw new AppError(400, "too_deep", `The body nests more than ${maxDepth} levels deep.`);
        if (++this.values > maxValues) throw new AppError(413, "payload_too_large", `The body holds more than ${maxValues} values.`);
        if (++this.containers > maxContainers) throw new AppError(413, "payload_too_large", `The body holds more than ${maxContainers} objects and arrays.`);
        const isCounted = counted !== undefined && byte === OPEN_ARRAY && this.key === counted.key;
        this.stack.push(byte === OPEN_OBJECT ? 1 : isCounted ? 3 : 2);
        this.countedEmpty = isCounted;
        this.key = "";
      } else if (byte === CLOSE_OBJECT || byte === CLOSE_ARRAY) {
        this.stack.pop();
        this.countedEmpty = false;
        this.key = "";
      } else if (byte === COMMA) {
        if (top === 3) this.countItem(counted);
        if (++this.values > maxValues) throw new AppError(413, "payload_too_large", `The body holds more than ${maxValues} values.`);
        this.key = "";
      } else if (byte === COLON) {
        // the key stays set for the value that follows
      } else if (top === 3 && this.countedEmpty && byte > 0x20) {
        this.countItem(counted);
      }
    }
  }

  private countItem(counted: JsonShapeLimits["counted"]): void {
    this.countedEmpty = false;
    if (!counted) return;
    if (++this.counted > counted.max) {
      throw new AppError(413, "payload_too_large", `The body holds more than ${counted.max} ${counted.what}; send them in several requests.`);
    }
  }
}
