/**
 * Graceful drain of an http.Server, so that no request sent before the signal is lost:
 * 1. the grace period: the listener keeps accepting (connections already in the kernel's accept
 *    queue, and requests already on the wire, are served); every answer from now on carries
 *    `Connection: close`, and idle keep-alive connections stay open, since a request may be on its way;
 * 2. then the listener closes, idle connections are closed, and every busy one is closed as soon as
 *    it turns idle;
 * 3. done when every connection has closed (its answers flushed and read), or after `timeoutMs`,
 *    when the rest are destroyed and the drain reports that it was forced.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { Lifecycle } from "./lifecycle.js";

export interface DrainOptions {
  graceMs: number;
  timeoutMs: number;
}

/** How often idle connections are looked for once the listener is closed. */
const SWEEP_MS = 25;

export class HttpDrain {
  /** answers not yet flushed: a request is done when its response emits 'close' */
  private readonly open = new Set<ServerResponse>();
  private endGrace: (() => void) | undefined;

  constructor(
    private readonly server: Server,
    private readonly lifecycle: Lifecycle,
  ) {
    // Prepended so it runs before the app's listener writes anything.
    server.prependListener("request", (_req: IncomingMessage, res: ServerResponse) => {
      this.open.add(res);
      if (lifecycle.draining) res.shouldKeepAlive = false;
      res.once("close", () => this.open.delete(res));
    });
  }

  /** Answers still being computed or written. */
  get inflight(): number {
    return this.open.size;
  }

  /** A second signal: stop waiting out the grace period. */
  skipGrace(): void {
    this.endGrace?.();
  }

  /** Run the drain; resolves true when every connection closed by itself, false when forced. */
  async drain(opts: DrainOptions): Promise<boolean> {
    this.lifecycle.draining = true;
    for (const res of this.open) if (!res.headersSent) res.shouldKeepAlive = false;

    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, opts.graceMs);
      this.endGrace = () => {
        clearTimeout(timer);
        resolve();
      };
    });

    // http.Server#close stops listening and closes the idle connections; the sweep closes the
    // keep-alive connections whose last answer was started before the drain, once it is flushed.
    const closed = new Promise<true>((resolve) => this.server.close(() => resolve(true)));
    const sweep = setInterval(() => this.server.closeIdleConnections(), SWEEP_MS);
    let timer: NodeJS.Timeout | undefined;
    const forced = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), opts.timeoutMs);
    });
    const clean = await Promise.race([closed, forced]);
    clearInterval(sweep);
    clearTimeout(timer);
    if (!clean) this.server.closeAllConnections();
    return clean;
  }
}
