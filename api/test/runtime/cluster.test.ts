/**
 * WORKERS=2 on the built server: one port, every worker ready from the first request on, /metrics and
 * /stats summed over both workers, model loads and rollbacks served by every worker, a killed worker
 * replaced without failing requests on the other (and serving the versions the other serves), and
 * SIGTERM draining both.
 */
import { Agent } from "node:http";
import { createServer } from "node:net";
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

/** GET `path` on new connections until every listed worker has answered: worker id -> parsed body. */
async function fromEveryWorker(url: string, path: string, count: number, timeoutMs = 30_000): Promise<Map<string, Record<string, unknown>>> {
  const seen = new Map<string, Record<string, unknown>>();
  const end = Date.now() + timeoutMs;
  while (seen.size < count) {
    if (Date.now() > end) throw new Error(`only workers ${[...seen.keys()].join(", ")} answered ${path}`);
    const r = await viaHttp(`${url}${path}`, undefined, false);
    expect(r.status).toBe(200);
    if (!seen.has(r.worker!)) seen.set(r.worker!, JSON.parse(r.text) as Record<string, unknown>);
  }
  return seen;
}

/** The "worker started" lines so far (the last one of each living worker is its latest). */
const started = (srv: Spawned) => srv.logs.filter((l) => l.msg === "worker started");
/** The latest started worker other than `id`: with two workers, the living other one. */
const otherThan = (srv: Spawned, id: string) => started(srv).filter((l) => String(l.worker) !== id).at(-1)!;
/** Wait for a worker newer than every one started so far. */
const nextStarted = (srv: Spawned) => {
  const newest = Math.max(...started(srv).map((l) => l.worker as number));
  return srv.waitLog((l) => l.msg === "worker started" && (l.worker as number) > newest);
};

const versionsOf = (m: Record<string, unknown>) => [m.model_version, m.previous_version];

function metricValue(text: string, pattern: RegExp): number {
  return text
    .split("\n")
    .filter((l) => pattern.test(l))
    .reduce((sum, l) => sum + Number(l.split(" ").pop()), 0);
}

describe.skipIf(!HAS_MODELS)("cluster (WORKERS=2, built server)", () => {
  let srv: Spawned;
  let body: string;
  /** /ready asked on new connections as soon as the port is announced */
  let first: { status: number; worker?: string }[];
  beforeAll(async () => {
    srv = await spawnServer({ WORKERS: "2", SHUTDOWN_GRACE_MS: "1000" });
    first = await Promise.all(Array.from({ length: 20 }, () => viaHttp(`${srv.url}/ready`, undefined, false)));
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

  it("answers only from workers that have loaded their models: /ready is 200 from the first request on", () => {
    expect(first.map((r) => r.status)).toEqual(first.map(() => 200));
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

  it("a load and a rollback through one worker are served by both, and counted once", async () => {
    const load = await viaHttp(`${srv.url}/models/dqn/versions/9/load`, undefined, false, "POST");
    expect(load.status).toBe(200);
    expect(versionsOf(JSON.parse(load.text) as Record<string, unknown>)).toEqual(["9", "10"]);
    for (const m of (await fromEveryWorker(srv.url, "/models/dqn", 2)).values()) expect(versionsOf(m)).toEqual(["9", "10"]);

    const back = await viaHttp(`${srv.url}/models/dqn/rollback`, undefined, false, "POST");
    expect(back.status).toBe(200);
    expect(versionsOf(JSON.parse(back.text) as Record<string, unknown>)).toEqual(["10", "9"]);
    for (const m of (await fromEveryWorker(srv.url, "/models/dqn", 2)).values()) expect(versionsOf(m)).toEqual(["10", "9"]);

    // An error answers as in a single process, and changes nothing anywhere.
    const missing = await viaHttp(`${srv.url}/models/dqn/versions/99/load`, undefined, false, "POST");
    expect(missing.status).toBe(404);
    expect(JSON.parse(missing.text)).toMatchObject({ error: "version_not_found" });
    for (const m of (await fromEveryWorker(srv.url, "/models/dqn", 2)).values()) expect(versionsOf(m)).toEqual(["10", "9"]);

    const metrics = await (await fetch(`${srv.url}/metrics`)).text();
    expect(metricValue(metrics, /^edge_placement_model_reloads_total\{.*model="dqn".*result="success"/)).toBe(1);
    expect(metricValue(metrics, /^edge_placement_models_loaded\{/)).toBe(4);
  });

  it("concurrent loads through both workers leave both serving the same versions", async () => {
    const loads = await Promise.all(
      Array.from({ length: 6 }, (_, i) => viaHttp(`${srv.url}/models/ppo/versions/${8 + (i % 2)}/load`, undefined, false, "POST")),
    );
    expect(loads.map((r) => r.status)).toEqual(loads.map(() => 200));
    expect(new Set(loads.map((r) => r.worker)).size).toBe(2);
    const states = [...(await fromEveryWorker(srv.url, "/models/ppo", 2)).values()].map(versionsOf);
    expect(states[0]).toEqual(states[1]);
    expect([["8", "9"], ["9", "8"]]).toContainEqual(states[0]);
  });

  it("answers 500 naming the worker that could not follow a load, and a replacement serves what the others serve", async () => {
    // A keep-alive connection pinned to one worker; the other one stops answering (SIGSTOP), then dies.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const pinned = (await viaHttp(`${srv.url}/health`, undefined, agent)).worker!;
    const other = otherThan(srv, pinned);
    const pid = other.pid as number;
    const kill = () => {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    };
    const replacement = nextStarted(srv);
    process.kill(pid, "SIGSTOP");
    try {
      const from = srv.logs.length;
      const load = viaHttp(`${srv.url}/models/dqn/versions/9/load`, undefined, agent, "POST");
      // Once the primary says so, it has asked the stopped worker to follow.
      const applied = await srv.waitLog((l) => l.msg === "model operation applied; the other workers follow" && l.model === "dqn", 30_000, from);
      expect(applied.followers).toEqual([other.worker]);
      kill();
      const r = await load;
      expect(r.status).toBe(500);
      expect(JSON.parse(r.text)).toMatchObject({
        error: "model_replication_failed",
        issues: [{ path: `worker ${other.worker}`, message: "the worker exited" }],
      });
    } finally {
      agent.destroy();
      kill(); // never leave a stopped worker behind if an assertion failed before the kill
    }
    await replacement;
    await untilWorkersReady(srv.url, 2);
    for (const m of (await fromEveryWorker(srv.url, "/models/dqn", 2)).values()) expect(versionsOf(m)).toEqual(["9", "10"]);
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
    const victimPid = otherThan(srv, survivor!).pid as number;
    const replaced = nextStarted(srv);

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
    const replacement = await replaced;
    const ready = await untilWorkersReady(srv.url, 2);
    expect(ready).toEqual(new Set([survivor, String(replacement.worker)]));
    // It serves the versions the survivor serves (the last test's load), not the defaults alone.
    const models = await fromEveryWorker(srv.url, "/models/dqn", 2);
    expect(versionsOf(models.get(String(replacement.worker))!)).toEqual(["9", "10"]);
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

describe.skipIf(!HAS_MODELS)("cluster start-up failure", () => {
  it("stops with exit code 1, instead of replacing workers forever, when no worker can listen", async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    try {
      const port = (taken.address() as { port: number }).port;
      const err = await spawnServer({ WORKERS: "2", PORT: String(port) }).then(
        () => new Error("the server started on a taken port"),
        (e: Error) => e,
      );
      expect(err.message).toMatch(/^server exited with 1 before listening/);
      expect(err.message).toContain("cannot listen");
      expect(err.message).toContain("a worker exited before any worker served; stopping");
    } finally {
      taken.close();
    }
  });
});
