import { describe, expect, it } from "vitest";
import { chunkRun, LINK_FEATURES, MAX_RUN_LINKS, MAX_RUN_NODES, packGroup, planGroups, prepareNetwork, type Packed } from "../../src/inference/tensors.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import * as spec from "../../src/simulation/spec.js";
import { joinedNetwork, midEpisode } from "../helpers/networks.js";

const sizes = (ns: number[], m = 0) => ns.map((n) => ({ n, m }));

describe("planGroups", () => {
  it("groups equal sizes into one run and keeps every index once", () => {
    const plans = planGroups(sizes([20, 20, 30, 20, 30]), { maxRunBatch: 1024, pad: false });
    expect(plans).toEqual([
      { members: [0, 1, 3], padded: 20 },
      { members: [2, 4], padded: 30 },
    ]);
  });

  it("pads close sizes together when padding wastes little", () => {
    const plans = planGroups(sizes([20, 21, 20, 200]), { maxRunBatch: 1024, pad: true });
    expect(plans[0]).toEqual({ members: [0, 2, 1], padded: 21 });
    expect(plans[1]).toEqual({ members: [3], padded: 200 });
  });

  it("chunks by maxRunBatch, by padded nodes and by links: linear bounds", () => {
    expect(planGroups(sizes(new Array(10).fill(5)), { maxRunBatch: 4, pad: true }).map((p) => p.members.length)).toEqual([4, 4, 2]);
    const big = planGroups(sizes(new Array(300).fill(1000), 1400), { maxRunBatch: 1024, pad: true });
    for (const p of big) expect(p.members.length * 1000).toBeLessThanOrEqual(MAX_RUN_NODES);
    expect(big.flatMap((p) => p.members).sort((a, b) => a - b)).toEqual([...Array(300).keys()]);
    const dense = planGroups(sizes(new Array(8).fill(1000), MAX_RUN_LINKS / 2), { maxRunBatch: 1024, pad: true });
    expect(dense.map((p) => p.members.length)).toEqual([2, 2, 2, 2]);
  });

  it("a network over every bound runs alone", () => {
    expect(chunkRun([0, 1], 10 * MAX_RUN_NODES, () => 10 * MAX_RUN_LINKS, 64)).toEqual([[0], [1]]);
  });
});

/** Every input tensor's length, by contract name. */
function lengths(p: Packed): Record<string, number> {
  return { x: p.x.length, parent: p.parent.length, edge_attr: p.edgeAttr.length, mask: p.mask.length, link_index: p.linkIndex.length, link_attr: p.linkAttr.length };
}

describe("packGroup", () => {
  it("lays networks out as [B, P, .] with padding rows zero, masked and their own parent", () => {
    const a = prepareNetwork(generateNetwork(3, 1));
    const b = prepareNetwork(generateNetwork(5, 2), { source: 1 }, 0.9);
    const p = packGroup([a, b], 5);
    const F = spec.NUM_NODE_FEATURES;
    const E = spec.NUM_EDGE_FEATURES;
    expect([p.B, p.N, p.L]).toEqual([2, 5, a.m + b.m]);
    expect(lengths(p)).toEqual({ x: 2 * 5 * F, parent: 10, edge_attr: 2 * 5 * E, mask: 10, link_index: 2 * p.L, link_attr: 3 * p.L });
    expect(Array.from(p.mask.subarray(3, 5))).toEqual([0, 0]);
    expect(p.x.subarray(3 * F, 5 * F).every((v) => v === 0)).toBe(true);
    expect(p.edgeAttr.subarray(3 * E, 5 * E).every((v) => v === 0)).toBe(true);
    expect(Array.from(p.parent.subarray(3, 5))).toEqual([3n, 4n]);
    expect(p.x[0]).toBe(Math.fround(a.net.nodes[0]!.cpu_util));
    expect(p.x[5 * F]).toBe(Math.fround(b.net.nodes[0]!.cpu_util));
    expect(p.x[5 * F + F - 1]).toBe(Math.fround(0.9));
    expect(p.x[F - 1]).toBe(Math.fround(spec.DEFAULT_LOAD));
    // parents index within their own network; the source is its own parent
    expect(p.parent[5 + 1]).toBe(1n);
    expect(LINK_FEATURES).toEqual(["capacity_mbps", "latency_ms", "backlog_ms"]);
  });

  it("link_index holds every link once as b * P + v in request order, link_attr its state", () => {
    const a = prepareNetwork(generateNetwork(4, 3));
    const mid = midEpisode(12, 5);
    const b = prepareNetwork(mid.network_state, mid.task, mid.load);
    const p = packGroup([a, b], 12);
    const ends = (net: typeof a.net) => net.edges.map((e) => ("source" in e ? [e.source, e.target] : [e[0], e[1]]));
    const expected = [...ends(a.net), ...ends(b.net).map(([s, t]) => [s! + 12, t! + 12])];
    expect(Array.from(p.linkIndex.subarray(0, p.L), Number)).toEqual(expected.map((e) => e[0]));
    expect(Array.from(p.linkIndex.subarray(p.L), Number)).toEqual(expected.map((e) => e[1]));
    const k = a.m + 2; // the third link of b
    const e = b.net.edges[2]! as { source: number; target: number; backlog_ms: number };
    const [ns, nt] = [b.net.nodes[e.source]!, b.net.nodes[e.target]!];
    expect(Array.from(p.linkAttr.subarray(3 * k, 3 * k + 3))).toEqual(
      [Math.min(ns.bandwidth, nt.bandwidth), (ns.latency + nt.latency) / 2, e.backlog_ms].map(Math.fround),
    );
    expect(b.net.edges.some((x) => "backlog_ms" in x && x.backlog_ms! > 0)).toBe(true);
  });

  it("no input tensor has N x N elements: a 10,000-node network packs in linear memory", () => {
    const net = joinedNetwork();
    const n = net.nodes.length;
    expect(n).toBe(10_000);
    const prep = prepareNetwork(net);
    const p = packGroup([prep], n);
    const perNode = spec.NUM_NODE_FEATURES + spec.NUM_EDGE_FEATURES + 2; // x, edge_attr, parent, mask
    let total = 0;
    for (const [name, len] of Object.entries(lengths(p))) {
      expect(len, name).toBeLessThan(n * n);
      total += len;
    }
    expect(total).toBe(n * perNode + 5 * net.edges.length);
    expect(p.L).toBe(net.edges.length);
  });
});
