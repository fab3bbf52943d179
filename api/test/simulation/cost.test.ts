import { describe, expect, it } from "vitest";
import { placement, transmissionMs } from "../../src/simulation/cost.js";
import { resolveTask } from "../../src/simulation/features.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import * as spec from "../../src/simulation/spec.js";
import type { NetworkState, NodeState } from "../../src/simulation/types.js";
import { fixtureNames, flat, HAS_FIXTURES, loadFixture } from "../helpers/fixtures.js";

const node = (o: Partial<NodeState> = {}): NodeState => ({
  cpu_util: 0.2,
  mem_util: 0.3,
  energy: 1000,
  latency: 4,
  bandwidth: 100,
  queue_len: 1,
  node_type: 1,
  ...o,
});

// 0 - 1 - 2 in a line, 3 isolated.
const line: NetworkState = {
  nodes: [node({ node_type: 0, latency: 2, bandwidth: 50 }), node({ latency: 4, bandwidth: 200 }), node({ node_type: 2, latency: 30, bandwidth: 1000 }), node()],
  edges: [
    [0, 1],
    [1, 2],
  ],
};
const task = { source: 0, cpu_mcycles: 500, mem_mb: 128, data_kb: 200, deadline_ms: 500 };

describe("transmissionMs", () => {
  it("sums hop weights along the cheapest path and is infinite when unreachable", () => {
    const tx = transmissionMs(line, task);
    const w01 = (2 + 4) / 2 + (8 * 200) / Math.min(50, 200);
    const w12 = (4 + 30) / 2 + (8 * 200) / Math.min(200, 1000);
    expect(tx[0]).toBe(0);
    expect(tx[1]).toBe(w01);
    expect(tx[2]).toBe(0 + w01 + w12);
    expect(tx[3]).toBe(Infinity);
  });

  it("takes the cheaper of two routes", () => {
    const tri: NetworkState = {
      nodes: [node({ latency: 1 }), node({ latency: 100 }), node({ latency: 1 })],
      edges: [
        [0, 1],
        [1, 2],
        [0, 2],
      ],
    };
    const tx = transmissionMs(tri, { ...task, source: 0 });
    expect(tx[2]).toBe((1 + 1) / 2 + (8 * 200) / 100);
  });
});

describe("placement", () => {
  it("computes every term of docs/environment.md by hand", () => {
    const p = placement(line, task);
    const i = 1;
    const nd = line.nodes[i]!;
    const tx = p.txMs[i]!;
    const proc = 500 / (8 * Math.max(1 - nd.cpu_util, 0.05));
    const wait = nd.queue_len * proc;
    const latency = tx + wait + proc;
    const compute = 500 * 0.001;
    const energy = compute + (1.0 * tx) / 1000;
    const after = Math.min(nd.cpu_util + 500 / (8 * 1000), 1);
    const cpus = line.nodes.map((x) => x.cpu_util);
    const s1 = cpus.reduce((a, b) => a + b, 0) - nd.cpu_util + after;
    const s2 = cpus.reduce((a, b) => a + b * b, 0) - nd.cpu_util * nd.cpu_util + after * after;
    const mean = s1 / 4;
    const bal = 1 - 2 * Math.sqrt(Math.max(s2 / 4 - mean * mean, 0));
    const reward = -1 * Math.min(latency / 500, 4) + -0.5 * Math.min(energy / 1, 4) + 2 * (latency <= 500 ? 1 : 0) + 0.3 * bal;
    expect(p.procMs[i]).toBeCloseTo(proc, 12);
    expect(p.waitMs[i]).toBeCloseTo(wait, 12);
    expect(p.latencyMs[i]).toBeCloseTo(latency, 12);
    expect(p.energyJ[i]).toBeCloseTo(energy, 12);
    expect(p.balance[i]).toBeCloseTo(bal, 12);
    expect(p.reward[i]).toBeCloseTo(reward, 12);
    expect(p.cost[i]).toBe(-p.reward[i]!);
  });

  it("keeps the cost finite for unreachable nodes but masks them", () => {
    const p = placement(line, task);
    expect(Number.isFinite(p.cost[3]!)).toBe(true);
    expect(p.valid[3]).toBe(0);
    expect(p.valid[0]).toBe(1);
    expect(p.validCount).toBe(3);
  });

  it.each([
    ["cpu_util above 0.95", { cpu_util: 0.96 }],
    ["queue_len at 50", { queue_len: 50 }],
    ["not enough memory", { mem_util: 0.995 }],
    ["not enough energy", { energy: 0.1 }],
  ])("masks a node with %s", (_, o) => {
    const net: NetworkState = { nodes: [node({ node_type: 0 }), node(o)], edges: [[0, 1]] };
    expect(placement(net, task).valid[1]).toBe(0);
  });

  it("accepts the boundary values (cpu 0.95, queue 49.9, memory exactly full)", () => {
    const memFull = 1 - 128 / (16 * 1024);
    const net: NetworkState = { nodes: [node({ node_type: 0 }), node({ cpu_util: 0.95, queue_len: 49.9, mem_util: memFull })], edges: [[0, 1]] };
    expect(placement(net, task).valid[1]).toBe(1);
  });

  it("prefers cheap nodes: the cost ranks a generated network", () => {
    const net = generateNetwork(20, 3);
    const p = placement(net, resolveTask(net));
    expect(p.validCount).toBeGreaterThan(0);
    for (let i = 0; i < 20; i++) expect(Number.isFinite(p.cost[i]!)).toBe(true);
    expect(spec.DROP_PENALTY).toBe(-6);
  });
});

describe.skipIf(!HAS_FIXTURES)("placement cost against models/fixtures node_costs", () => {
  for (const name of fixtureNames()) {
    it(`${name}: every case's node_costs within 1e-4`, () => {
      const fx = loadFixture(name);
      expect(fx.cases.length).toBeGreaterThan(0);
      for (const c of fx.cases) {
        const net = c.request.network_state;
        const p = placement(net, resolveTask(net, c.request.task));
        const expected = flat(c.expected.node_costs);
        expect(expected.length).toBe(net.nodes.length);
        for (let i = 0; i < expected.length; i++) expect(Math.abs(p.cost[i]! - expected[i]!)).toBeLessThan(1e-4);
      }
    });
  }
});
