/**
 * Typed arrays carved out of shared ArrayBuffers. V8 gives every `new Float64Array(n)` a backing
 * store of its own; for the arrays of a small network that allocation, and collecting it later,
 * costs about 10x a view on an existing buffer (api/bench/request-cost.ts; docs/api.md, "Request
 * cost"). One request's routing and outcome need about 40 arrays, so each takes them from one arena.
 *
 * Views start zeroed (a fresh ArrayBuffer is zero-filled) and stay valid as long as anything
 * references them; an arena only ever hands out fresh space.
 */
export class Arena {
  #buffer: ArrayBuffer;
  #used = 0;

  /** `bytes`: the first buffer's size; when it runs out, the next is as large or as large as asked. */
  constructor(private readonly bytes: number) {
    this.#buffer = new ArrayBuffer(bytes);
  }

  /** Byte offset of `bytes` fresh bytes, 8-aligned, in the current buffer (a new one if needed). */
  #take(bytes: number): number {
    const at = (this.#used + 7) & ~7;
    if (at + bytes <= this.#buffer.byteLength) {
      this.#used = at + bytes;
      return at;
    }
    this.#buffer = new ArrayBuffer(Math.max(this.bytes, bytes));
    this.#used = bytes;
    return 0;
  }

  f64(n: number): Float64Array {
    const at = this.#take(8 * n);
    return new Float64Array(this.#buffer, at, n);
  }

  i32(n: number): Int32Array {
    const at = this.#take(4 * n);
    return new Int32Array(this.#buffer, at, n);
  }

  u8(n: number): Uint8Array {
    const at = this.#take(n);
    return new Uint8Array(this.#buffer, at, n);
  }
}
