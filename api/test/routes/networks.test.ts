import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { addEdgesUpTo } from "../../src/routes/networks.js";
import { greedyWarmup } from "../../src/simulation/dynamics.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import type { NetworkState } from "../../src/simulation/types.js";
import { call, makeApp, type TestApp } from "../helpers/app.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/generator-python.json", import.meta.url), "utf8")) as {
  cases: { num_nodes: number; seed: number; network: NetworkState }[];
};

describe("POST /networks/generate and /generate-mock-network", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp({}, { load: false }));
  });

  it("returns the Python generator's network for the same seed", async () => {
    for (const c of fixture.cases.filter((c) => c.num_nodes <= 200)) {
      const r = await call(app, "POST", "/networks/generate", { num_nodes: c.num_nodes, seed: c.seed });
      expect(r.status).toBe(200);
      expect(r.json.network_state).toEqual(c.network);
      expect(r.json).toMatchObject({ num_nodes: c.num_nodes, num_edges: c.network.edges.length, seed: c.seed });
      expect(r.json.task).toBeUndefined();
      expect(r.json.episode).toBeUndefined();
    }
  });

  it("same seed twice, same network; no seed draws one and returns it", async () => {
    const a = await call(app, "POST", "/networks/generate", { num_nodes: 30, seed: 5 });
    const b = await call(app, "POST", "/networks/generate", { num_nodes: 30, seed: 5 });
    expect(a.json.network_state).toEqual(b.json.network_state);
    const c = await call(app, "POST", "/networks/generate", { num_nodes: 30 });
    expect(c.status).toBe(200);
    expect(c.json.network_state).toEqual(generateNetwork(30, c.json.seed));
    expect(c.json.tiers.sensor + c.json.tiers.fog + c.json.tiers.cloud).toBe(30);
  });

  it("mid-episode: the greedy warm-up's state, with the next arrival as task and load", async () => {
    const r = await call(app, "POST", "/networks/generate", { num_nodes: 30, seed: 9, load: 0.9, warmup_tasks: 120 });
    expect(r.status, r.text).toBe(200);
    const g = r.json;
    const w = greedyWarmup(generateNetwork(30, 9), 0.9, 9, 120);
    expect(g.network_state).toEqual(w.episode.snapshot());
    expect(g.task).toEqual({ source: w.next.source, cpu_mcycles: w.next.cpu_mcycles, mem_mb: w.next.mem_mb, data_kb: w.next.data_kb, deadline_ms: w.next.deadline_ms });
    expect(g.load).toBe(w.next.load);
    expect(g.episode).toMatchObject({ load: 0.9, warmup_tasks: 120, placed: w.placed, dropped: w.dropped, burst: w.next.burst });
    expect(g.episode.placed + g.episode.dropped).toBe(120);
    for (const nd of g.network_state.nodes) {
      expect(nd.backlog_ms).toBeGreaterThanOrEqual(0);
      expect(nd.queue_len).toBeUndefined();
    }
    expect(g.network_state.nodes.some((nd: { backlog_ms: number }) => nd.backlog_ms > 0)).toBe(true);
    expect(g.network_state.edges.every((e: object) => !Array.isArray(e) && "backlog_ms" in e)).toBe(true);
    expect(g.network_state.edges.some((e: { backlog_ms: number }) => e.backlog_ms > 0)).toBe(true);
    // the energy spent shows
    const idle = generateNetwork(30, 9);
    expect(g.network_state.nodes.some((nd: { energy: number }, i: number) => nd.energy < idle.nodes[i]!.energy)).toBe(true);
  });

  it("mid-episode defaults: load 0.6, warm-up max(50, N); the result feeds /predict's schema as is", async () => {
    const r = await call(app, "POST", "/networks/generate", { num_nodes: 12, seed: 4, warmup_tasks: 60 });
    expect(r.json.episode).toMatchObject({ load: 0.6, warmup_tasks: 60 });
    const d = await call(app, "POST", "/networks/generate", { num_nodes: 80, seed: 4, load: 0.5 });
    expect(d.json.episode.warmup_tasks).toBe(80);
    const { app: strict } = await makeApp({ MODELS_DIR: "/nonexistent" }, { load: false });
    const p = await call(strict, "POST", "/predict", { network_state: d.json.network_state, task: d.json.task, load: d.json.load });
    expect(p.status).toBe(404); // validated, then no model to answer
    expect(p.json.error).toBe("model_not_found");
  });

  it("warmup_tasks 0: the state at the first arrival", async () => {
    const r = await call(app, "POST", "/networks/generate", { num_nodes: 10, seed: 2, warmup_tasks: 0 });
    expect(r.status).toBe(200);
    expect(r.json.episode).toMatchObject({ warmup_tasks: 0, placed: 0, dropped: 0 });
    expect(r.json.network_state.edges.every((e: { backlog_ms: number }) => e.backlog_ms === 0)).toBe(true);
  });

  it("the reference path accepts {num_nodes, num_edges} and defaults", async () => {
    const r = await call(app, "POST", "/generate-mock-network", { num_nodes: 10, num_edges: 15 });
    expect(r.status).toBe(200);
    expect(r.json.num_nodes).toBe(10);
    expect(r.json.num_edges).toBe(15);
    expect(r.json.network_state.edges).toHaveLength(15);
    expect(typeof r.json.generated_at).toBe("number");
    const d = await call(app, "POST", "/generate-mock-network", {});
    expect(d.status).toBe(200);
    expect(d.json.num_nodes).toBe(10);
    const mid = await call(app, "POST", "/generate-mock-network", { num_nodes: 10, num_edges: 15, seed: 3, load: 0.8 });
    expect(mid.status).toBe(200);
    expect(mid.json.network_state.edges).toHaveLength(15);
    expect(mid.json.episode.warmup_tasks).toBe(50);
  });

  it("addEdgesUpTo keeps the generated links, adds distinct ones, stops at a complete graph", () => {
    const base = generateNetwork(8, 2);
    const more = addEdgesUpTo(base, 20, 2);
    expect(more.edges).toHaveLength(20);
    for (const e of base.edges) expect(more.edges).toContainEqual(e);
    const keys = new Set(more.edges.map(([s, t]) => `${s}-${t}`));
    expect(keys.size).toBe(20);
    for (const [s, t] of more.edges) expect(s).toBeLessThan(t);
    expect(addEdgesUpTo(base, 1000, 2).edges).toHaveLength(28);
    expect(addEdgesUpTo(base, 1, 2)).toBe(base);
    expect(addEdgesUpTo(base, 20, 2)).toEqual(more);
  });
});
