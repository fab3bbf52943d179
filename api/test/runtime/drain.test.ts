/** HttpDrain on a real node:http server in this process: what a drain waits for and what it closes. */
import { Agent, createServer, request, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { HttpDrain } from "../../src/runtime/drain.js";
import { Lifecycle } from "../../src/runtime/lifecycle.js";

const BIG = 8 * 1024 * 1024; // larger than the kernel's socket buffers: 'finish' waits for the reader

let server: Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

function start(handler: (path: string, res: import("node:http").ServerResponse) => void) {
  const lifecycle = new Lifecycle();
  server = createServer((req, res) => handler(req.url ?? "/", res));
  const drain = new HttpDrain(server, lifecycle);
  return new Promise<{ port: number; drain: HttpDrain; lifecycle: Lifecycle }>((resolve) =>
    server!.listen(0, "127.0.0.1", () => resolve({ port: (server!.address() as AddressInfo).port, drain, lifecycle })),
  );
}

function get(port: number, path: string, agent?: Agent): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, agent }, resolve);
    req.on("error", reject);
    req.end();
  });
}

function readAll(res: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("end", () => resolve(Buffer.concat(chunks)));
    res.on("error", reject);
  });
}

const big = (_: string, res: import("node:http").ServerResponse) => {
  res.setHeader("content-length", BIG);
  res.end(Buffer.alloc(BIG, 120));
};

describe("HttpDrain", () => {
  it("flags the lifecycle as draining at once and waits out the grace period while still accepting", async () => {
    const { port, drain, lifecycle } = await start((_, res) => res.end("ok"));
    const done = drain.drain({ graceMs: 300, timeoutMs: 5_000 });
    expect(lifecycle.draining).toBe(true);
    // A connection opened during the grace period is accepted and answered, with Connection: close.
    const res = await get(port, "/");
    expect(res.headers.connection).toBe("close");
    expect((await readAll(res)).toString()).toBe("ok");
    expect(await done).toBe(true);
  });

  it("keeps idle keep-alive connections open through the grace period, then closes them", async () => {
    const { port, drain } = await start((_, res) => res.end("ok"));
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const first = await get(port, "/", agent);
    expect(first.headers.connection).toBe("keep-alive");
    await readAll(first);
    await new Promise((r) => setImmediate(r));
    const socket = agent.freeSockets[Object.keys(agent.freeSockets)[0]!]![0]!;
    const closed = new Promise((r) => socket.once("close", r));
    const done = drain.drain({ graceMs: 300, timeoutMs: 5_000 });
    // A request sent on the idle connection during the grace period is served on it.
    const second = await get(port, "/", agent);
    expect(second.socket).toBe(socket);
    expect(second.headers.connection).toBe("close");
    expect((await readAll(second)).toString()).toBe("ok");
    await closed;
    expect(await done).toBe(true);
    agent.destroy();
  });

  it("counts a request as done when its answer has been read, not when the handler returned", async () => {
    const { port, drain } = await start(big);
    const res = await get(port, "/big");
    res.pause();
    // The handler has returned (headers are here) but most of the 8 MB is still unsent.
    let drained = false;
    const done = drain.drain({ graceMs: 0, timeoutMs: 20_000 }).then((clean) => ((drained = true), clean));
    await new Promise((r) => setTimeout(r, 300));
    expect(drained).toBe(false);
    expect(drain.inflight).toBe(1);
    // Read it slowly.
    const body: Buffer[] = [];
    res.on("data", (c: Buffer) => {
      body.push(c);
      res.pause();
      setTimeout(() => res.resume(), 1);
    });
    res.resume();
    await new Promise((r) => res.once("end", r));
    expect(Buffer.concat(body).length).toBe(BIG);
    expect(await done).toBe(true);
  });

  it("reports a forced stop when an answer is not read within the timeout", async () => {
    const { port, drain } = await start(big);
    const res = await get(port, "/big");
    res.pause();
    expect(await drain.drain({ graceMs: 0, timeoutMs: 300 })).toBe(false);
    res.destroy();
  });
});
