/**
 * SIGTERM under load on the built server: with 50 concurrent keep-alive clients (undici's fetch, or a
 * node:http agent) plus new connections opened just before the signal, every request sent before the
 * signal is answered, and the process exits 0.
 */
import { Agent, request } from "node:http";
import { connect } from "node:net";
import { beforeAll, describe, expect, it } from "vitest";
import { HAS_MODELS } from "../helpers/fixtures.js";
import { closedLoop, until, viaFetch, viaHttp, type Load, type Sent } from "./load.js";
import { spawnServer, untilReady, type Spawned } from "./spawn.js";

const CONCURRENCY = 50;
const GRACE_MS = "1000";

let body: string;

async function predictBody(url: string): Promise<string> {
  const r = await fetch(`${url}/networks/generate`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ num_nodes: 20, seed: 7, load: 0.7 }),
  });
  const g = (await r.json()) as { network_state: unknown; task: unknown; load: number };
  return JSON.stringify({ network_state: g.network_state, task: g.task, load: g.load });
}

/** Run `load`, signal the server mid-load, and return what every request got. */
async function signalUnderLoad(srv: Spawned, load: Load, burst: () => Promise<Sent[]>) {
  await until(load, 300);
  const stopping = load.stop(); // no request is sent after the signal
  const late = burst(); // new connections, still in the accept queue at the signal
  const signalAt = performance.now();
  srv.child.kill("SIGTERM");
  const sent = [...(await stopping), ...(await late)];
  const code = await srv.exited;
  return { sent: sent.filter((s) => s.at < signalAt), code };
}

function burstOfNewConnections(url: string, n: number): () => Promise<Sent[]> {
  return () =>
    Promise.all(
      Array.from({ length: n }, async () => {
        const s: Sent = { at: performance.now() };
        try {
          const r = await viaHttp(`${url}/predict`, body, false);
          s.status = r.status;
          s.connection = r.connection;
        } catch (e) {
          s.error = (e as NodeJS.ErrnoException).code ?? String(e);
        }
        return s;
      }),
    );
}

function expectNoneLost(sent: Sent[]) {
  const failed = sent.filter((s) => s.status !== 200);
  expect(failed.map((s) => s.error ?? s.status)).toEqual([]);
}

describe.skipIf(!HAS_MODELS)("SIGTERM under load (built server)", () => {
  beforeAll(async () => {
    const srv = await spawnServer();
    await untilReady(srv.url);
    body = await predictBody(srv.url);
    await srv.stop();
  });

  it("loses no request of 50 concurrent keep-alive fetch clients, and exits 0", async () => {
    const srv = await spawnServer({ SHUTDOWN_GRACE_MS: GRACE_MS });
    await untilReady(srv.url);
    const load = closedLoop(CONCURRENCY, () => viaFetch(`${srv.url}/predict`, body));
    const { sent, code } = await signalUnderLoad(srv, load, burstOfNewConnections(srv.url, CONCURRENCY));
    expect(sent.length).toBeGreaterThan(300);
    expectNoneLost(sent);
    expect(code).toBe(0);
    expect(srv.logs.some((l) => l.msg === "bye" && l.clean === true)).toBe(true);
  });

  it("loses no request of 50 concurrent node:http keep-alive clients; answers after the signal say Connection: close", async () => {
    const srv = await spawnServer({ SHUTDOWN_GRACE_MS: GRACE_MS });
    await untilReady(srv.url);
    const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
    const load = closedLoop(CONCURRENCY, () => viaHttp(`${srv.url}/predict`, body, agent));
    const { sent, code } = await signalUnderLoad(srv, load, burstOfNewConnections(srv.url, CONCURRENCY));
    agent.destroy();
    expectNoneLost(sent);
    // Keep-alive before the signal; the last answer on each connection closes it.
    expect(sent.filter((s) => s.connection === "keep-alive").length).toBeGreaterThan(0);
    expect(sent.filter((s) => s.connection === "close").length).toBeGreaterThanOrEqual(CONCURRENCY);
    expect(code).toBe(0);
  });

  // An answer this size leaves node's buffers at once; drain.test.ts covers one larger than the kernel's buffers.
  it("delivers whole an answer that is being read slowly across the signal, then exits 0", async () => {
    const srv = await spawnServer({ SHUTDOWN_GRACE_MS: "200" });
    await untilReady(srv.url);
    const payload = JSON.stringify({ num_nodes: 1000, seed: 11, load: 0.7 });
    const res = await new Promise<import("node:http").IncomingMessage>((resolve, reject) => {
      const req = request(`${srv.url}/networks/generate`, { method: "POST", headers: { "content-type": "application/json" } }, resolve);
      req.on("error", reject);
      req.end(payload);
    });
    res.pause(); // the handler has returned; its answer is on its way
    srv.child.kill("SIGTERM");
    // 4 KB every 10 ms: the read outlasts the grace period.
    const chunks: Buffer[] = [];
    await new Promise<void>((resolve, reject) => {
      const pump = () => {
        const c = (res.read(4096) ?? res.read()) as Buffer | null;
        if (c === null) {
          res.once("readable", pump);
          return;
        }
        chunks.push(c);
        setTimeout(pump, 10);
      };
      res.once("end", resolve);
      res.on("error", reject);
      pump();
    });
    const body = Buffer.concat(chunks);
    expect(res.statusCode).toBe(200);
    expect(body.length).toBe(Number(res.headers["content-length"]));
    expect(JSON.parse(body.toString("utf8")).network_state.nodes).toHaveLength(1000);
    expect(await srv.exited).toBe(0);
  });

  it("exits 1 when SHUTDOWN_TIMEOUT_MS runs out with a request still open", async () => {
    const srv = await spawnServer({ SHUTDOWN_GRACE_MS: "0", SHUTDOWN_TIMEOUT_MS: "300" });
    await untilReady(srv.url);
    // A request whose body never finishes arriving stays in flight.
    const stuck = connect(srv.port, "127.0.0.1");
    const cut = new Promise((resolve) => stuck.once("close", resolve));
    stuck.write(`POST /predict HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    await viaHttp(`${srv.url}/health`, undefined, false); // the server has read the stuck request's headers by now
    srv.child.kill("SIGTERM");
    expect((await srv.waitLog((l) => typeof l.msg === "string" && l.msg.startsWith("shutting down"))).inflight).toBe(1);
    expect(await srv.exited).toBe(1);
    await cut;
    expect(srv.logs.some((l) => l.msg === "bye" && l.clean === false)).toBe(true);
  });

  it("answers /ready 503 as soon as the signal arrives, while still serving during the grace period", async () => {
    const srv = await spawnServer({ SHUTDOWN_GRACE_MS: "2000" });
    await untilReady(srv.url);
    srv.child.kill("SIGTERM");
    await srv.waitLog((l) => typeof l.msg === "string" && l.msg.startsWith("shutting down"));
    const ready = await fetch(`${srv.url}/ready`);
    expect(ready.status).toBe(503);
    expect(((await ready.json()) as { message: string }).message).toMatch(/shutting down/);
    const predict = await viaHttp(`${srv.url}/predict`, body, false);
    expect(predict).toMatchObject({ status: 200, connection: "close" });
    expect(await srv.exited).toBe(0);
  });
});
