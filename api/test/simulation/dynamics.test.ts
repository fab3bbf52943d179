/**
 * Arrival streams and the greedy warm-up against PyTorch: every run of models/fixtures/episodes.json
 * (written by models/pipeline/episode_fixtures.py). Math.log may differ from C's log in the last
 * bit, so floats agree within 1e-9 relative; choices and counts are identical.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { arrivalRate, arrivalStream, regions, taskSources, warmupTasks, type Arrival } from "../../src/simulation/arrivals.js";
import { advance, commit, Episode, greedyWarmup, initialState } from "../../src/simulation/dynamics.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { outcome, resolveTask } from "../../src/simulation/outcome.js";
import * as spec from "../../src/simulation/spec.js";
import type { NetworkState } from "../../src/simulation/types.js";
import { FIXTURES_DIR } from "../helpers/fixtures.js";

interface Run {
  num_nodes: number;
  seed: number;
  load: number;
  warmup_tasks: number;
  stream: Arrival[];
  actions: number[];
  next_task: Arrival;
  backlog: number[];
  link_backlog: number[];
  energy: number[];
}

const PATH = join(FIXTURES_DIR, "episodes.json");
const runs: Run[] = existsSync(PATH) ? (JSON.parse(readFileSync(PATH, "utf8")) as { runs: Run[] }).runs : [];

const close = (g: number, e: number) => Math.abs(g - e) <= 1e-9 * Math.max(1, Math.abs(e));

function expectClose(got: ArrayLike<number>, exp: readonly number[], what: string): void {
  expect(got.length, what).toBe(exp.length);
  for (let i = 0; i < exp.length; i++) if (!close(got[i]!, exp[i]!)) throw new Error(`${what}[${i}]: got ${got[i]}, expected ${exp[i]}`);
}

function expectArrival(got: Arrival, exp: Arrival, what: string): void {
  expect({ source: got.source, burst: got.burst, hot: got.hot }, what).toEqual({ source: exp.source, burst: exp.burst, hot: exp.hot });
  for (const k of ["gap_ms", "cpu_mcycles", "mem_mb", "data_kb", "deadline_ms", "load"] as const) {
    if (!close(got[k], exp[k])) throw new Error(`${what}.${k}: got ${got[k]}, expected ${exp[k]}`);
  }
}

describe.skipIf(runs.length === 0)("dynamics parity with models/fixtures/episodes.json", () => {
  it("covers a network without sensors, drops and a 200-node network", () => {
    expect(runs.some((r) => r.num_nodes === 2)).toBe(true);
    expect(runs.some((r) => r.actions.includes(-1))).toBe(true);
    expect(Math.max(...runs.map((r) => r.num_nodes))).toBeGreaterThanOrEqual(200);
  });

  describe.each(runs.map((r) => [r.num_nodes, r.seed, r.load, r.warmup_tasks, r] as const))("N=%i seed=%i load=%f warm-up %i", (n, seed, load, warmup, r) => {
    const net = generateNetwork(n, seed);

    it("arrival stream: same sources, phases and tasks", () => {
      const stream = arrivalStream(net, load, seed, warmup + 1);
      expect(stream).toHaveLength(r.stream.length);
      stream.forEach((a, t) => expectArrival(a, r.stream[t]!, `stream[${t}]`));
    });

    it("greedy warm-up: same choices, and the same state at the next arrival", () => {
      const w = greedyWarmup(net, load, seed, warmup);
      expect(Array.from(w.actions)).toEqual(r.actions);
      expect(w.dropped).toBe(r.actions.filter((a) => a < 0).length);
      expectArrival(w.next, r.next_task, "next_task");
      expectClose(w.episode.state.backlog, r.backlog, "backlog");
      expectClose(w.episode.state.linkBacklog, r.link_backlog, "link_backlog");
      expectClose(w.episode.state.energy, r.energy, "energy");
    });
  });
});

describe("arrivals", () => {
  const net = generateNetwork(30, 4);

  it("sources are the sensors; a network without sensors draws from every node", () => {
    expect(taskSources(net)).toEqual(net.nodes.flatMap((nd, i) => (nd.node_type === spec.SENSOR ? [i] : [])));
    const two = generateNetwork(2, 1);
    expect(two.nodes.some((nd) => nd.node_type === spec.SENSOR)).toBe(false);
    expect(taskSources(two)).toEqual([0, 1]);
  });

  it("regions: each node's lowest-index fog neighbour", () => {
    const reg = regions(net);
    net.nodes.forEach((_, i) => {
      const fogNbrs = net.edges.flatMap(([s, t]) => (s === i ? [t] : t === i ? [s] : [])).filter((j) => net.nodes[j]!.node_type === spec.FOG);
      expect(reg[i]).toBe(fogNbrs.length ? Math.min(...fogNbrs) : -1);
    });
  });

  it("the mean gap is about 1 / rate and the mean load about rho", () => {
    const stream = arrivalStream(net, 0.7, 9, 20_000);
    const meanGap = stream.reduce((a, t) => a + t.gap_ms, 0) / stream.length;
    expect(meanGap * arrivalRate(net, 0.7)).toBeGreaterThan(0.85);
    expect(meanGap * arrivalRate(net, 0.7)).toBeLessThan(1.15);
    const burst = stream.filter((t) => t.burst);
    expect(burst.length / stream.length).toBeGreaterThan(0.2);
    expect(burst.every((t) => t.load === 0.7 * spec.RATE_BURST && t.hot >= 0)).toBe(true);
  });

  it("warm-up length: max(50, N)", () => {
    expect([2, 50, 51, 1000].map(warmupTasks)).toEqual([50, 50, 51, 1000]);
  });
});

describe("commit and advance", () => {
  const net: NetworkState = {
    nodes: [
      { cpu_util: 0.2, mem_util: 0.2, energy: 100, latency: 2, bandwidth: 50, node_type: 0 },
      { cpu_util: 0.2, mem_util: 0.2, energy: 5000, latency: 2, bandwidth: 500, node_type: 1, backlog_ms: 10 },
      { cpu_util: 0.2, mem_util: 0.2, energy: 5000, latency: 20, bandwidth: 5000, node_type: 2 },
    ],
    edges: [[0, 1], { source: 1, target: 2, backlog_ms: 30 }],
  };

  it("placing on node 2 occupies both links of the route, the node's queue and both nodes' energy", () => {
    const state = initialState(net);
    const task = resolveTask(net);
    const out = outcome(net, task, { state });
    expect(commit(state, task, 2, out)).toBe(true);
    const x01 = (8 * task.data_kb) / 50;
    const x12 = (8 * task.data_kb) / 500;
    expect(state.linkBacklog[0]).toBe(Math.max(0, 0) + x01);
    expect(state.linkBacklog[1]).toBe(Math.max(out.arrive[1]!, 30) + x12);
    expect(state.backlog[2]).toBe(out.finish[2]);
    expect(state.energy[2]).toBe(5000 - out.computeJ[2]!);
    expect(state.energy[0]).toBe(100 - out.radioJ[2]!);
    // the next evaluation sees the queues it left behind
    const again = outcome(net, task, { state });
    expect(again.arrive[2]).toBeGreaterThan(out.arrive[2]!);
    advance(state, 1e9);
    expect([...state.backlog, ...state.linkBacklog]).toEqual([0, 0, 0, 0, 0]);
  });

  it("an invalid or missing action places nothing", () => {
    const state = initialState(net);
    const before = structuredClone(state);
    const task = { ...resolveTask(net), mem_mb: 1e6 };
    const out = outcome(net, task, { state });
    expect(commit(state, task, 1, out)).toBe(false);
    expect(commit(state, task, -1, out)).toBe(false);
    expect(state).toEqual(before);
  });

  it("a snapshot is a request that describes the same state", () => {
    const w = greedyWarmup(generateNetwork(25, 3), 0.9, 3, 80);
    const snap = w.episode.snapshot();
    expect(snap.edges.every((e) => "backlog_ms" in e)).toBe(true);
    const viaRequest = outcome(snap, w.next);
    const viaState = w.episode.outcome(w.next);
    expect(Array.from(viaRequest.reward)).toEqual(Array.from(viaState.reward));
    expect(Array.from(viaRequest.valid)).toEqual(Array.from(viaState.valid));
  });

  it("an Episode routes from any source with shared tables", () => {
    const ep = new Episode(generateNetwork(40, 2));
    for (const s of [0, 5, 39]) expect(Array.from(ep.routes(s).tree.parent)).toEqual(Array.from(outcome(ep.net, { ...resolveTask(ep.net), source: s }).parent));
  });
});
