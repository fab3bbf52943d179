/**
 * Admission control for inference, the way model servers shed load (Triton's queue policy): a
 * bounded number of inference requests in flight per process, and a deadline per request. Past
 * either, the request fails fast with an OverloadedError (503 + Retry-After) instead of waiting in
 * an unbounded queue while everyone's latency grows.
 */

export type RejectReason = "queue_full" | "deadline";

/** The service is at capacity: retry later. Mapped to 503 with Retry-After by middleware/errors.ts. */
export class OverloadedError extends Error {
  constructor(
    public readonly reason: RejectReason,
    public readonly retryAfterSeconds: number,
    message: string,
  ) {
    super(message);
    this.name = "OverloadedError";
  }
}

export interface AdmissionOptions {
  /** inference requests admitted at once (queued or running) */
  maxQueue: number;
  /** an admitted request not answered within this many ms fails */
  deadlineMs: number;
  onReject?: (reason: RejectReason) => void;
}

export class Admission {
  private admitted = 0;
  private readonly retryAfter: number;

  constructor(private readonly opts: AdmissionOptions) {
    // A client that retries after about one deadline finds the queue it overflowed drained.
    this.retryAfter = Math.max(1, Math.ceil(opts.deadlineMs / 1000));
  }

  /** Requests admitted and not finished yet. */
  get size(): number {
    return this.admitted;
  }

  /**
   * Run `work` as one admitted request. Its signal aborts at the deadline (with the OverloadedError)
   * so work not started yet is skipped; the request's slot is freed only when `work` settles, so
   * the bound counts the work really in flight.
   */
  run<T>(work: (deadline: AbortSignal) => Promise<T>): Promise<T> {
    if (this.admitted >= this.opts.maxQueue) {
      this.opts.onReject?.("queue_full");
      return Promise.reject(
        new OverloadedError("queue_full", this.retryAfter, `the inference queue is full (${this.opts.maxQueue} requests, MAX_QUEUE); retry later`),
      );
    }
    this.admitted++;
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        const err = new OverloadedError("deadline", this.retryAfter, `no answer within ${this.opts.deadlineMs} ms (REQUEST_DEADLINE_MS); retry later`);
        this.opts.onReject?.("deadline");
        controller.abort(err);
        reject(err);
      }, this.opts.deadlineMs);
    });
    let done: Promise<T>;
    try {
      done = work(controller.signal);
    } catch (e) {
      done = Promise.reject(e);
    }
    done
      .finally(() => {
        this.admitted--;
        clearTimeout(timer);
      })
      .catch(() => undefined);
    return Promise.race([done, expired]);
  }
}
