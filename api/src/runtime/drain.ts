/**
 * Graceful drain of an http.Server, so that no request sent before the signal is lost:
 * 1. the grace period: the listener keeps accepting (connections already in the kernel's accept
 *    queue, and requests already on the wire, are served); every answer from now on carries
 *    `Connection: close`, and idle keep-alive connections stay open, since a request may be on its way;
 * 2. then the listener closes, idle connections are closed, and every busy one is closed as soon as
 *    it turns idle;
 * 3. done when every connection has closed (its answers flushed, read, and the client's side closed), or after `timeoutMs`,
 *    when the rest are destroyed and the drain reports that it was forced.
 *
 * A connection is idle when it has no answer open (a request is done when its response emits
 * 'close', i.e. once flushed, not when the handler returns) and no byte arrived since its last
 * answer. http.Server#closeIdleConnections is not used: it judges by the request parser only and
 * also closes connections whose answer is still being written.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { Server as NetServer, type Socket } from "node:net";
import type { Lifecycle } from "./lifecycle.js";

export interface DrainOptions {
  graceMs: number;
  timeoutMs: number;
}

/** How often idle connections are looked for once the listener is closed. */
const SWEEP_MS = 25;

interface Conn {
  /** answers not yet flushed on this connection */
  open: number;
  /** socket.bytesRead when its last answer closed: more means a new request is arriving */
  readAtIdle: number;
}

export class HttpDrain {
  private readonly conns = new Map<Socket, Conn>();
  private readonly responses = new Set<ServerResponse>();

  constructor(
    private readonly server: Server,
    private readonly lifecycle: Lifecycle,
  ) {
    server.on("connection", (socket: Socket) => {
      this.conns.set(socket, { open: 0, readAtIdle: 0 });
      socket.once("close", () => this.conns.delete(socket));
    });
    // Prepended so it runs before the app's listener writes anything.
    server.prependListener("request", (req: IncomingMessage, res: ServerResponse) => {
      const socket = req.socket;
      const conn = this.conns.get(socket);
      if (conn) conn.open++;
      this.responses.add(res);
      if (lifecycle.draining) res.shouldKeepAlive = false;
      res.once("close", () => {
        this.responses.delete(res);
        if (conn) {
          conn.open--;
          conn.readAtIdle = socket.bytesRead;
        }
      });
    });
  }

  /** Answers still being computed or written. */
  get inflight(): number {
    return this.responses.size;
  }

  private idle(socket: Socket, conn: Conn): boolean {
    return conn.open === 0 && socket.bytesRead === conn.readAtIdle;
  }

  /** Run the drain; resolves true when every connection closed by itself, false when forced. */
  async drain(opts: DrainOptions): Promise<boolean> {
    this.lifecycle.draining = true;
    for (const res of this.responses) if (!res.headersSent) res.shouldKeepAlive = false;

    await new Promise((resolve) => setTimeout(resolve, opts.graceMs));

    // net.Server#close: stop listening; its callback runs once every connection has closed.
    const closed = new Promise<true>((resolve) => NetServer.prototype.close.call(this.server, () => resolve(true)));
    // end(), not destroy(): the end of an answer may still sit in the kernel's buffers, and the
    // connection closes once the client has read it and closed its side.
    const sweepIdle = () => {
      for (const [socket, conn] of this.conns) if (!socket.writableEnded && this.idle(socket, conn)) socket.end();
    };
    sweepIdle();
    const sweep = setInterval(sweepIdle, SWEEP_MS);
    let timer: NodeJS.Timeout | undefined;
    const forced = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), opts.timeoutMs);
    });
    const clean = await Promise.race([closed, forced]);
    clearInterval(sweep);
    clearTimeout(timer);
    if (!clean) for (const socket of this.conns.keys()) socket.destroy();
    return clean;
  }
}
