/**
 * WORKERS=2 on the built server: one port, /metrics and /stats summed over both workers, a killed
 * worker replaced without failing requests on the other, and SIGTERM draining both.
 */
import { Agent } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HAS_MODELS } from "../helpers/fixtures.js";
import { closedLoop, until, viaFetch, viaHttp } from "./load.js";
import { spawnServer, type Spawned } from "./spawn.js";

const N = 40;

/** Poll /ready on new connections until every listed worker has answered 200. */
async function untilWorkersReady(url: string, count: number, timeoutMs = 60_000): Promise<Set<string>> {
  const ready = new Set<string>();
  const end = Date.now() + timeoutMs;
  while (ready.size < count) {
    if (Date.now() > end) throw new Error(`only workers ${[...ready].join(", ")} ready`);
    const r = await viaHttp(`${url}/ready`, undefined, false).catch(() => undefined);
    if (r?.status === 200 && r.worker) ready.add(r.worker);
    else await new Promise((res) => setTimeout(res, 50));
  }
  return ready;
}

function metricValue(text: string, pattern: RegExp): number {
  return text
    .split("\n")
    .filter((l) => pattern.test(l))
    .reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
}

describe.skipIf(!HAS_MODELS)("cluster (WORKERS=2, built server)", () => {
  let srv: Spawned;
  let body: string;
  beforeAll(async () => {
    srv = await spawnServer({ WORKERS: "2", SHUTDOWN_GRACE_MS: "1000" });
    await untilWorkersReady(srv.url, 2);
    const g = await fetch(`${srv.url}/networks/generate`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ num_nodes: 20, seed: 9, load: 0.7 }),
    });
    const net = (await g.json()) as { network_state: unknown; task: unknown; load: number };
    body = JSON.stringify({ network_state: net.network_state, task: net.task, load: net.load });
  });
  afterAll(async () => {
    await srv.stop("SIGKILL");
  });

  it("serves one port from both workers, and /metrics and /stats count the requests of both", async () => {
    const workers = new Map<string, number>();
    for (let i = 0; i < N; i++) {
      const r = await viaHttp(`${srv.url}/health`, undefined, false);
      expect(r.status).toBe(200);
      workers.set(r.worker!, (workers.get(r.worker!) ?? 0) + 1);
    }
    expect(workers.size).toBe(2);
    for (const n of workers.values()) expect(n).toBeLessThan(N);
    const metrics = await (await fetch(`${srv.url}/metrics`)).text();
    expect(metricValue(metrics, /^edge_placement_http_requests_total\{method="GET",route="\/health",status="200"/)).toBe(N);
    const stats = (await (await fetch(`${srv.url}/stats`)).json()) as { routes: Record<string, { requests: number }> };
    expect(stats.routes["GET /health"]?.requests).toBe(N);
  });

  it("replaces a killed worker while requests on the other one all succeed", async () => {
    // Keep-alive connections that landed on one worker (the survivor); the other one is killed.
    const agents: Agent[] = [];
    const others: Agent[] = [];
    let survivor: string | undefined;
    while (agents.length < 4) {
      const agent = new Agent({ keepAlive: true, maxSockets: 1 });
      const r = await viaHttp(`${srv.url}/health`, undefined, agent);
      survivor ??= r.worker;
      (r.worker === survivor ? agents : others).push(agent);
    }
    for (const a of others) a.destroy();
    const victimLine = await srv.waitLog((l) => l.msg === "worker started" && String(l.worker) !== survivor);
    const victimPid = victimLine.pid as number;

    const load = closedLoop(agents.length, (i) => viaHttp(`${srv.url}/predict`, body, agents[i]!));
    await until(load, 100);
    process.kill(victimPid, "SIGKILL");
    await srv.waitLog((l) => l.msg === "worker died; starting a replacement" && l.pid === victimPid);
    const answeredAtDeath = load.answered();
    await until(load, answeredAtDeath + 200);
    const sent = await load.stop();
    for (const a of agents) a.destroy();

    expect(sent.filter((s) => s.status !== 200).map((s) => s.error ?? s.status)).toEqual([]);
    expect(new Set(sent.map((s) => s.worker))).toEqual(new Set([survivor]));
    // The replacement joins the port and serves.
    const replacement = await srv.waitLog((l) => l.msg === "worker started" && (l.worker as number) > 2);
    const ready = await untilWorkersReady(srv.url, 2);
    expect(ready).toEqual(new Set([survivor, String(replacement.worker)]));
  });

  it("drains every worker on SIGTERM: no request sent before it is lost, exit 0", async () => {
    const load = closedLoop(50, () => viaFetch(`${srv.url}/predict`, body));
    await until(load, 300);
    const stopping = load.stop();
    const signalAt = performance.now();
    srv.child.kill("SIGTERM");
    const sent = (await stopping).filter((s) => s.at < signalAt);
    expect(sent.filter((s) => s.status !== 200).map((s) => s.error ?? s.status)).toEqual([]);
    expect(await srv.exited).toBe(0);
    expect(srv.logs.filter((l) => l.msg === "bye" && l.worker !== undefined && l.clean === true)).toHaveLength(2);
  });
});
