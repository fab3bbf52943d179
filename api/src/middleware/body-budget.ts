/**
 * A process-wide budget for request bodies being read, parsed, validated and served: at most
 * `maxBytes` of bodies and `maxBodies` bodies at once. Parsed JSON can take many times its text in
 * memory, so past the budget a request gets 503 with Retry-After (before its body is read when it
 * declares a Content-Length) rather than the process running out of memory. The first body is
 * always admitted, whatever its size (it is within its route's limit), so a budget smaller than a
 * route's limit never locks that route out.
 */
import { ApiError } from "../lib/errors.js";

export interface BodyBudgetOptions {
  maxBytes: number;
  maxBodies: number;
  /** seconds a refused client is asked to wait */
  retryAfter?: number;
}

export interface Reservation {
  /** Add bytes to this body's share (a chunked body, once read); throws the 503 when they do not fit. */
  grow(bytes: number): void;
  release(): void;
}

export class BodyBudget {
  bytes = 0;
  bodies = 0;

  constructor(private readonly opts: BodyBudgetOptions) {}

  private refuse(): never {
    const retryAfter = String(this.opts.retryAfter ?? 1);
    throw new ApiError(
      503,
      "overloaded",
      `too many request bodies in progress (BODY_BUDGET ${this.opts.maxBytes} bytes, BODY_CONCURRENCY ${this.opts.maxBodies}); retry after ${retryAfter} s`,
      undefined,
      undefined,
      { "retry-after": retryAfter },
    );
  }

  /** Reserve `bytes` for one body; throws the 503 when the budget is spent. */
  reserve(bytes: number): Reservation {
    if (this.bodies > 0 && (this.bytes + bytes > this.opts.maxBytes || this.bodies >= this.opts.maxBodies)) this.refuse();
    this.bytes += bytes;
    this.bodies++;
    let held = bytes;
    let released = false;
    return {
      grow: (more) => {
        if (released) return;
        if (this.bodies > 1 && this.bytes + more > this.opts.maxBytes) this.refuse();
        this.bytes += more;
        held += more;
      },
      release: () => {
        if (released) return;
        released = true;
        this.bytes -= held;
        this.bodies--;
      },
    };
  }
}
