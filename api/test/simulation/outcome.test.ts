import { describe, expect, it } from "vitest";
import { HEURISTIC_NAMES, HEURISTICS } from "../../src/simulation/heuristics.js";
import {
  featureTensors,
  initialBacklog,
  outcome,
  resolveTask,
  writeFeatures,
  type FeatureBuffers,
} from "../../src/simulation/outcome.js";
import * as spec from "../../src/simulation/spec.js";
import type { EdgeState, NetworkState, NodeState, Task } from "../../src/simulation/types.js";

const node = (o: Partial<NodeState> = {}): NodeState => ({
  cpu_util: 0.2,
  mem_util: 0.3,
  energy: 1000,
  latency: 2,
  bandwidth: 100,
  queue_len: 1,
  node_type: 1,
  ...o,
});

// sensor 0 - fog 1 - {fog 2, cloud 3}, fog 1 - fog 4 - sensor 5; node 6 isolated
const tree = (busy: Partial<EdgeState> = {}): NetworkState => ({
  nodes: [
    node({ node_type: 0, bandwidth: 50 }),
    node({ backlog_ms: 40 }),
    node(),
    node({ node_type: 2, latency: 30, bandwidth: 1000 }),
    node({ cpu_util: 0.6 }),
    node({ node_type: 0 }),
    node(),
  ],
  edges: [[0, 1], [1, 2], { source: 1, target: 3, ...busy }, [1, 4], [4, 5]],
});
const task: Task = { source: 0, cpu_mcycles: 500, mem_mb: 128, data_kb: 200, deadline_ms: 500 };

describe("initialBacklog", () => {
  it("is backlog_ms when given, else queue_len mean-sized tasks at the node's speed", () => {
    expect(initialBacklog(node({ backlog_ms: 12 }))).toBe(12);
    expect(initialBacklog(node({ queue_len: 3 }))).toBe((3 * spec.MEAN_TASK_MCYCLES) / (8 * 0.8));
    expect(initialBacklog(node({ queue_len: undefined, backlog_ms: undefined }))).toBe(0);
  });
});

describe("outcome", () => {
  it("computes every term of node 3 by hand", () => {
    const net = tree({ backlog_ms: 25 });
    const o = outcome(net, task);
    const bits = 8 * 200;
    const x01 = bits / 50;
    const x13 = bits / 100;
    const a1 = Math.max(0, 0) + x01 + 2;
    const a3 = Math.max(a1, 25) + x13 + 16;
    expect(o.arrive[3]).toBe(a3);
    expect(o.idle[3]).toBe(x01 + 2 + x13 + 16);
    const proc = 500 / (64 * 0.8);
    const backlog3 = (1 * 1050) / (64 * 0.8);
    const finish = Math.max(a3, backlog3) + proc;
    expect(o.finish[3]).toBe(finish);
    expect(o.wait[3]).toBe(Math.max(a3, backlog3) - a3);
    const radio = (1 * (bits / 50)) / 1000; // the first link, out of the source
    expect(o.radioJ[3]).toBe(radio);
    expect(o.energyJ[3]).toBe(500 * 0.002 + radio);
    const u = Array.from(o.backlog, (b) => Math.min(b / 1000, 1));
    const after = Math.min(finish / 1000, 1);
    const s1 = u.reduce((a, b) => a + b, 0) - u[3]! + after;
    const s2 = u.reduce((a, b) => a + b * b, 0) - u[3]! * u[3]! + after * after;
    const bal = 1 - 2 * Math.sqrt(Math.max(s2 / 7 - (s1 / 7) * (s1 / 7), 0));
    expect(o.balance[3]).toBe(bal);
    expect(o.reward[3]).toBe(-1 * Math.min(finish / 500, 4) + -0.5 * Math.min(500 * 0.002 + radio, 4) + 2 * (finish <= 500 ? 1 : 0) + 0.3 * bal);
  });

  it("a busy link delays exactly the nodes behind it", () => {
    const idle = outcome(tree(), task);
    const busy = outcome(tree({ backlog_ms: 300 }), task);
    for (let i = 0; i < 6; i++) {
      if (i === 3) expect(busy.arrive[i]).toBeGreaterThan(idle.arrive[i]!);
      else expect(busy.arrive[i]).toBe(idle.arrive[i]);
    }
    expect(busy.idle).toEqual(idle.idle);
    expect(busy.arrive[6]).toBe(Infinity);
  });

  it("linksIdle evaluates as if no link had a backlog", () => {
    const o = outcome(tree({ backlog_ms: 300 }), task, { linksIdle: true });
    expect(o.arrive).toEqual(outcome(tree(), task).arrive);
    expect(Array.from(o.linkBacklog).every((b) => b === 0)).toBe(true);
  });

  it("unreachable nodes are invalid with infinite arrival and finish", () => {
    const o = outcome(tree(), task);
    expect([o.arrive[6], o.finish[6], o.valid[6], o.parent[6], o.link[6], o.depth[6]]).toEqual([Infinity, Infinity, 0, 6, -1, -1]);
    expect(o.wait[6]).toBe(0);
  });

  it("rejects routes computed for another source", () => {
    const o = outcome(tree(), task);
    expect(() => outcome(tree(), { ...task, source: 1 }, { routes: o.routes })).toThrow(/routes are from node 0/);
  });
});

describe("writeFeatures", () => {
  it("packs networks into one padded batch: padding is zero, masked and its own parent", () => {
    const nets = [tree({ backlog_ms: 5 }), { nodes: [node({ node_type: 0 }), node()], edges: [[0, 1]] } satisfies NetworkState];
    const P = 9;
    const F = spec.NUM_NODE_FEATURES;
    const E = spec.NUM_EDGE_FEATURES;
    const buf: FeatureBuffers = {
      x: new Float32Array(2 * P * F).fill(7),
      edgeAttr: new Float32Array(2 * P * E).fill(7),
      parent: new BigInt64Array(2 * P).fill(7n),
      mask: new Float32Array(2 * P).fill(7),
    };
    const loads = [0.85, undefined];
    nets.forEach((net, b) => {
      const t = resolveTask(net);
      writeFeatures(net, t, outcome(net, t), loads[b], buf, b * P, P);
    });
    nets.forEach((net, b) => {
      const t = resolveTask(net);
      const one = featureTensors(net, t, outcome(net, t), loads[b]);
      const n = net.nodes.length;
      expect(buf.x.subarray(b * P * F, (b * P + n) * F)).toEqual(one.x);
      expect(buf.edgeAttr.subarray(b * P * E, (b * P + n) * E)).toEqual(one.edgeAttr);
      expect(buf.parent.subarray(b * P, b * P + n)).toEqual(one.parent);
      expect(buf.mask.subarray(b * P, b * P + n)).toEqual(one.mask);
      expect(Array.from(buf.x.subarray((b * P + n) * F, (b + 1) * P * F)).every((v) => v === 0)).toBe(true);
      expect(Array.from(buf.edgeAttr.subarray((b * P + n) * E, (b + 1) * P * E)).every((v) => v === 0)).toBe(true);
      expect(Array.from(buf.mask.subarray(b * P + n, (b + 1) * P)).every((v) => v === 0)).toBe(true);
      expect(Array.from(buf.parent.subarray(b * P + n, (b + 1) * P), Number)).toEqual(Array.from({ length: P - n }, (_, i) => n + i));
    });
    expect(buf.x[F - 1]).toBe(Math.fround(0.85));
    expect(buf.x[P * F + F - 1]).toBe(Math.fround(spec.DEFAULT_LOAD));
  });

  it("reports the route link's state, its backlog even when the outcome took links as idle", () => {
    const net = tree({ backlog_ms: 300, capacity_mbps: 64 });
    const f = featureTensors(net, task, outcome(net, task, { linksIdle: true }));
    const E = spec.NUM_EDGE_FEATURES;
    expect(Array.from(f.edgeAttr.subarray(3 * E, 4 * E))).toEqual([64, 16, 300, (8 * 200) / 64]);
    expect(Array.from(f.edgeAttr.subarray(0, E))).toEqual([0, 0, 0, 0]);
    expect(f.x[6 * spec.NUM_NODE_FEATURES + spec.NODE_FEATURES.indexOf("tx_ms")]).toBe(spec.TX_UNREACHABLE_MS);
  });
});

describe("a 10,000-node generated-style network", () => {
  it("runs outcome, features and every baseline in linear memory", () => {
    // sensors hang off a chain of fog nodes (deep routes), the last fog node uplinks to one cloud
    const n = 10_000;
    const nFog = 2000;
    const nodes: NodeState[] = [];
    const edges: [number, number][] = [];
    for (let i = 0; i < n; i++) nodes.push(node({ node_type: i < n - nFog - 1 ? 0 : i < n - 1 ? 1 : 2, cpu_util: (i % 7) / 10 }));
    const fog0 = n - nFog - 1;
    for (let s = 0; s < fog0; s++) edges.push([s, fog0 + (s % nFog)]);
    for (let f = fog0; f < n - 2; f++) edges.push([f, f + 1]);
    edges.push([n - 2, n - 1]);
    const net: NetworkState = { nodes, edges };

    const before = process.memoryUsage();
    const t = resolveTask(net);
    const out = outcome(net, t);
    const f = featureTensors(net, t, out);
    const picks = HEURISTIC_NAMES.map((name) => HEURISTICS[name]({ net, task: t, out, step: 3, seed: 1 }));
    const after = process.memoryUsage();

    expect(out.validCount).toBeGreaterThan(0);
    expect(Math.max(...out.depth)).toBeGreaterThan(nFog - 2);
    expect(f.x.length).toBe(n * spec.NUM_NODE_FEATURES);
    for (const p of picks) expect(out.valid[p]).toBe(1);
    // an N x N byte matrix alone would be 100 MB
    const grown = after.heapUsed + after.arrayBuffers - (before.heapUsed + before.arrayBuffers);
    expect(grown).toBeLessThan(40 * 1024 * 1024);
  });
});
