import { describe, expect, it } from "vitest";
import { placement } from "../../src/simulation/cost.js";
import { defaultSource, networkTensors, resolveTask, writeAdjacency } from "../../src/simulation/features.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import * as spec from "../../src/simulation/spec.js";
import type { NetworkState } from "../../src/simulation/types.js";
import { fixtureNames, flat, HAS_FIXTURES, loadFixture } from "../helpers/fixtures.js";

const F = spec.NUM_FEATURES;

describe("resolveTask", () => {
  it("defaults to the first sensor and spec.DEFAULT_TASK", () => {
    const net = generateNetwork(10, 1);
    expect(resolveTask(net)).toEqual({ source: 0, ...spec.DEFAULT_TASK });
  });
  it("uses node 0 when there is no sensor", () => {
    const net = generateNetwork(2, 1); // one fog, one cloud
    expect(net.nodes.some((n) => n.node_type === 0)).toBe(false);
    expect(defaultSource(net)).toBe(0);
  });
  it("keeps given fields", () => {
    const net = generateNetwork(10, 1);
    expect(resolveTask(net, { source: 3, deadline_ms: 100 })).toEqual({ ...spec.DEFAULT_TASK, source: 3, deadline_ms: 100 });
  });
});

describe("networkTensors", () => {
  it("writes the 15 features in spec order, float32", () => {
    const net = generateNetwork(12, 4);
    const task = resolveTask(net, { source: 2, data_kb: 50 });
    const p = placement(net, task);
    const { x, adj, mask } = networkTensors(net, task, p);
    expect(x.length).toBe(12 * F);
    for (let i = 0; i < 12; i++) {
      const nd = net.nodes[i]!;
      const row = Array.from(x.subarray(i * F, (i + 1) * F));
      expect(row).toEqual(
        [
          nd.cpu_util,
          nd.mem_util,
          nd.energy,
          nd.latency,
          nd.bandwidth,
          nd.queue_len,
          nd.node_type,
          i === 2 ? 1 : 0,
          p.txMs[i]!,
          p.procMs[i]!,
          p.waitMs[i]!,
          task.cpu_mcycles,
          task.mem_mb,
          task.data_kb,
          task.deadline_ms,
        ].map(Math.fround),
      );
      expect(mask[i]).toBe(p.valid[i]);
    }
    for (const [s, t] of net.edges) {
      expect(adj[s * 12 + t]).toBe(1);
      expect(adj[t * 12 + s]).toBe(1);
    }
    expect(adj.reduce((a, b) => a + b, 0)).toBe(2 * net.edges.length);
    for (let i = 0; i < 12; i++) expect(adj[i * 12 + i]).toBe(0);
  });

  it("writes 1e5 as tx_ms for unreachable nodes", () => {
    const net: NetworkState = { nodes: generateNetwork(4, 1).nodes, edges: [[0, 1]] };
    const task = resolveTask(net, { source: 0 });
    const { x, mask } = networkTensors(net, task, placement(net, task));
    expect(x[3 * F + 8]).toBe(spec.TX_UNREACHABLE_MS);
    expect(mask[3]).toBe(0);
  });

  it("pads with zeros when written into a larger buffer", () => {
    const net = generateNetwork(3, 1);
    const adj = new Float32Array(5 * 5);
    writeAdjacency(net, adj, 0, 5);
    for (const [s, t] of net.edges) expect(adj[s * 5 + t]).toBe(1);
    expect(adj.subarray(15).every((v) => v === 0)).toBe(true);
  });
});

describe.skipIf(!HAS_FIXTURES)("tensors against models/fixtures", () => {
  for (const name of fixtureNames()) {
    it(`${name}: x, adj and mask match every case`, () => {
      const fx = loadFixture(name);
      for (const c of fx.cases) {
        const net = c.request.network_state;
        const task = resolveTask(net, c.request.task);
        const t = networkTensors(net, task, placement(net, task));
        const ex = flat(c.tensors.x);
        const ea = flat(c.tensors.adj);
        const em = flat(c.tensors.mask);
        expect(ex.length).toBe(t.x.length);
        for (let i = 0; i < ex.length; i++) {
          const tol = 1e-4 * Math.max(1, Math.abs(ex[i]!));
          if (Math.abs(t.x[i]! - ex[i]!) > tol) throw new Error(`x[${i}] = ${t.x[i]} != ${ex[i]}`);
        }
        expect(Array.from(t.adj)).toEqual(ea);
        expect(Array.from(t.mask)).toEqual(em);
      }
    });
  }
});
