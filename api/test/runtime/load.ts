/** Closed-loop load for shutdown tests: every request is stamped with when it was sent. */
import { Agent, request } from "node:http";

export interface Sent {
  /** x-worker-id of the answer (cluster mode) */
  worker?: string;
  /** performance.now() when the request was handed to the client */
  at: number;
  status?: number;
  /** the Connection header of the answer */
  connection?: string;
  error?: string;
}

export interface Load {
  /** stop sending new requests; resolves with every request sent */
  stop(): Promise<Sent[]>;
  /** requests answered so far */
  answered(): number;
}

/** `concurrency` loops, each sending its next request when the previous one is answered. */
export function closedLoop(concurrency: number, send: (loop: number) => Promise<{ status: number; connection?: string; worker?: string }>): Load {
  const sent: Sent[] = [];
  let running = true;
  let answered = 0;
  const loops = Array.from({ length: concurrency }, async (_, loop) => {
    while (running) {
      const s: Sent = { at: performance.now() };
      sent.push(s);
      try {
        const r = await send(loop);
        s.status = r.status;
        s.connection = r.connection;
        s.worker = r.worker;
      } catch (e) {
        const err = e as Error & { cause?: { code?: string }; code?: string };
        s.error = err.cause?.code ?? err.code ?? err.message;
      }
      answered++;
    }
  });
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
      return sent;
    },
    answered: () => answered,
  };
}

/** One request through undici's fetch (Node's global fetch, keep-alive). */
export async function viaFetch(url: string, body: string): Promise<{ status: number; connection?: string }> {
  const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  await r.arrayBuffer();
  return { status: r.status, connection: r.headers.get("connection") ?? undefined };
}

/** One request (GET without a body) through node:http with the given agent (keep-alive, or `false` for a new connection). */
export function viaHttp(
  url: string,
  body: string | undefined,
  agent: Agent | false,
  method = body === undefined ? "GET" : "POST",
): Promise<{ status: number; connection?: string; worker?: string; text: string }> {
  const u = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: u.hostname,
        port: u.port,
        path: u.pathname,
        method,
        agent,
        headers: body === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        const worker = res.headers["x-worker-id"] as string | undefined;
        res.on("end", () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, worker, text: Buffer.concat(chunks).toString() }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Wait until `n` requests have been answered. */
export async function until(load: Load, n: number, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (load.answered() < n) {
    if (Date.now() > end) throw new Error(`only ${load.answered()} of ${n} requests answered in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
