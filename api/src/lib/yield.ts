/**
 * Letting other requests run during long work. A request's synchronous stretches (JSON.parse plus
 * zod, building tensors, a warm-up) block every other client; between them the server yields to the
 * event loop (setImmediate runs after pending I/O), so /health and small requests are answered.
 */
export const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Run a generator that pauses at its yields, letting the event loop run at each pause. */
export async function runSliced<T>(steps: Generator<void, T>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await yieldToLoop();
  }
}

/** Nodes of work (validation, tensors, routing) between two yields: about 5-10 ms on one core. */
export const NODES_PER_SLICE = 2000;

/**
 * One at a time, first come first served. Large requests pass through it so their long stretches
 * of work do not pile up: with several in progress, each yield would let the others' stretches run
 * back to back in one turn of the event loop (setImmediate callbacks run together) before /health
 * gets its turn. The work is CPU-bound on one thread, so taking turns costs no throughput.
 */
export class Turnstile {
  private busy = false;
  private readonly waiting: (() => void)[] = [];

  async enter(): Promise<void> {
    if (!this.busy) {
      this.busy = true;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  leave(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy = false;
  }
}
