import { describe, expect, it } from "vitest";
import { BASELINE_NAMES, BASELINES, fnv1a, type BaselineContext } from "../../src/simulation/baselines.js";
import { placement } from "../../src/simulation/cost.js";
import { networkTensors, resolveTask } from "../../src/simulation/features.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import type { NetworkState, NodeState } from "../../src/simulation/types.js";

const node = (o: Partial<NodeState> = {}): NodeState => ({
  cpu_util: 0.5,
  mem_util: 0.5,
  energy: 5000,
  latency: 2,
  bandwidth: 500,
  queue_len: 2,
  node_type: 1,
  ...o,
});

function ctx(net: NetworkState, step = 0, seed = 1): BaselineContext {
  const task = resolveTask(net, { source: 0 });
  const place = placement(net, task);
  const { x, mask } = networkTensors(net, task, place);
  return { x, mask, n: net.nodes.length, place, step, seed };
}

// 0 is the source (sensor); 1 is overloaded (masked); 2 lightly loaded but far; 3 near.
const net: NetworkState = {
  nodes: [node({ node_type: 0, energy: 100 }), node({ cpu_util: 0.99 }), node({ cpu_util: 0.1, mem_util: 0.1, latency: 50 }), node({ cpu_util: 0.6 })],
  edges: [
    [0, 1],
    [0, 3],
    [3, 2],
  ],
};

describe("baselines", () => {
  it("round_robin: first valid node at or after step mod N", () => {
    expect(BASELINES.round_robin(ctx(net, 0))).toBe(0);
    expect(BASELINES.round_robin(ctx(net, 1))).toBe(2); // 1 is masked
    expect(BASELINES.round_robin(ctx(net, 3))).toBe(3);
    expect(BASELINES.round_robin(ctx(net, 5))).toBe(2);
  });
  it("least_loaded: lowest cpu + mem among valid nodes", () => {
    expect(BASELINES.least_loaded(ctx(net))).toBe(2);
  });
  it("nearest: lowest tx_ms (the source itself is 0)", () => {
    expect(BASELINES.nearest(ctx(net))).toBe(0);
  });
  it("greedy_oracle: lowest immediate cost among valid nodes", () => {
    const c = ctx(net);
    const chosen = BASELINES.greedy_oracle(c);
    for (let i = 0; i < 4; i++) if (c.mask[i]) expect(c.place.cost[chosen]!).toBeLessThanOrEqual(c.place.cost[i]!);
  });
  it("random: valid, deterministic per seed, spread over seeds", () => {
    const seen = new Set<number>();
    for (let s = 0; s < 200; s++) {
      const a = BASELINES.random(ctx(net, 0, s));
      expect(a).toBe(BASELINES.random(ctx(net, 0, s)));
      expect(a).not.toBe(1);
      seen.add(a);
    }
    expect([...seen].sort()).toEqual([0, 2, 3]);
  });
  it("every baseline answers -1 when no node is valid", () => {
    const dead: NetworkState = { nodes: [node({ cpu_util: 0.99 }), node({ cpu_util: 0.99 })], edges: [[0, 1]] };
    for (const name of BASELINE_NAMES) expect(BASELINES[name](ctx(dead))).toBe(-1);
  });
  it("the oracle's choice has the lowest cost on generated networks", () => {
    for (let seed = 0; seed < 20; seed++) {
      const g = generateNetwork(25, seed);
      const c = ctx(g);
      const o = BASELINES.greedy_oracle(c);
      for (const name of BASELINE_NAMES) {
        const k = BASELINES[name](c);
        expect(c.mask[k]).toBe(1);
        expect(Math.fround(c.place.cost[o]!)).toBeLessThanOrEqual(Math.fround(c.place.cost[k]!));
      }
    }
  });
  it("fnv1a is a stable uint32", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
  });
});
