/**
 * Cooperative pacing of long simulations: the CPU work runs on the event loop, so it hands the loop
 * back every few milliseconds (other requests and /health stay fast) and stops when its signal
 * fires (the client went away).
 */

/** Thrown inside a paced computation whose signal fired; the runner turns it into an early return. */
export class SimulationAborted extends Error {
  constructor() {
    super("simulation aborted");
    this.name = "SimulationAborted";
  }
}

/** Default CPU slice between yields, ms. */
export const SLICE_MS = 4;

export class Pacer {
  private last = performance.now();

  constructor(
    private readonly signal?: AbortSignal,
    private readonly sliceMs: number = SLICE_MS,
  ) {}

  /** Whether the current slice is used up (cheap enough to ask in inner loops). */
  due(): boolean {
    return performance.now() - this.last >= this.sliceMs;
  }

  /** Throws SimulationAborted once the signal has fired. */
  check(): void {
    if (this.signal?.aborted) throw new SimulationAborted();
  }

  /** Let the event loop run (I/O, timers, other requests), then check the signal. */
  async yield(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.last = performance.now();
    this.check();
  }

  /** Yield if the slice is used up. */
  async tick(): Promise<void> {
    if (this.due()) await this.yield();
  }
}
