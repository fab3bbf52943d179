import { describe, expect, it } from "vitest";
import { generateNetwork } from "../../src/simulation/generator.js";
import { hopWeights, linkTable, routes, routeTree } from "../../src/simulation/routing.js";
import * as spec from "../../src/simulation/spec.js";
import type { NetworkState, NodeState } from "../../src/simulation/types.js";

const node = (o: Partial<NodeState> = {}): NodeState => ({
  cpu_util: 0.3,
  mem_util: 0.3,
  energy: 1000,
  latency: 1,
  bandwidth: 4040,
  queue_len: 1,
  node_type: 1,
  ...o,
});

/** routing.py's algorithm, literally: Bellman-Ford rounds over directed half-edges to a fixed point. */
function bellmanFord(net: NetworkState, source: number): Float64Array {
  const links = linkTable(net);
  const w = hopWeights(links);
  const dist = new Float64Array(net.nodes.length).fill(Infinity);
  dist[source] = 0;
  for (let changed = true; changed; ) {
    changed = false;
    const prev = dist.slice();
    for (let k = 0; k < links.count; k++) {
      for (const [u, v] of [
        [links.source[k]!, links.target[k]!],
        [links.target[k]!, links.source[k]!],
      ] as const) {
        const cand = prev[u]! + w[k]!;
        if (cand < dist[v]!) {
          dist[v] = cand;
          changed = true;
        }
      }
    }
  }
  return dist;
}

describe("linkTable", () => {
  it("takes explicit capacity and backlog, else the smaller bandwidth and no backlog", () => {
    const net: NetworkState = {
      nodes: [node({ latency: 2, bandwidth: 50 }), node({ latency: 5, bandwidth: 200 }), node({ latency: 30 })],
      edges: [[0, 1], { source: 1, target: 2, capacity_mbps: 75, backlog_ms: 12.5 }, { source: 2, target: 0, capacity_mbps: undefined }],
    };
    const t = linkTable(net);
    expect(Array.from(t.capacity)).toEqual([50, 75, 50]);
    expect(Array.from(t.prop)).toEqual([3.5, 17.5, 16]);
    expect(Array.from(t.backlog)).toEqual([0, 12.5, 0]);
  });

  it("rejects edges to nodes that do not exist", () => {
    expect(() => linkTable({ nodes: [node(), node()], edges: [[0, 2]] })).toThrow(RangeError);
  });
});

describe("routeTree", () => {
  it("picks the lowest-index tight neighbour and the lowest of tied parallel links", () => {
    // hop weight 1 + 4040 / 4040 = 2 on every link: 3 is reached equally through 1 and 2, and 1-3 twice
    const net: NetworkState = {
      nodes: [node(), node(), node(), node()],
      edges: [[0, 2], [0, 1], [2, 3], [1, 3], [3, 1]],
    };
    const { tree } = routes(net, 0);
    expect(Array.from(tree.dist)).toEqual([0, 2, 2, 4]);
    expect(Array.from(tree.parent)).toEqual([0, 0, 0, 1]);
    expect(Array.from(tree.link)).toEqual([-1, 1, 0, 3]);
    expect(Array.from(tree.depth)).toEqual([0, 1, 1, 2]);
  });

  it("leaves the source and unreachable nodes as their own parents without a link", () => {
    const net: NetworkState = { nodes: [node(), node(), node(), node()], edges: [[0, 1], [2, 3]] };
    const { tree } = routes(net, 1);
    expect(Array.from(tree.parent)).toEqual([1, 1, 2, 3]);
    expect(Array.from(tree.link)).toEqual([0, -1, -1, -1]);
    expect(Array.from(tree.depth)).toEqual([1, 0, -1, -1]);
    expect(Array.from(tree.order)).toEqual([1, 0]);
  });

  it("never routes over a zero-capacity link (infinite hop weight)", () => {
    const net: NetworkState = { nodes: [node(), node()], edges: [{ source: 0, target: 1, capacity_mbps: 0 }] };
    expect(Array.from(routes(net, 0).tree.depth)).toEqual([0, -1]);
  });

  it("finds routing.py's Bellman-Ford distances bit for bit, and visits parents before children", () => {
    for (const [n, seed] of [
      [10, 1],
      [57, 2],
      [200, 3],
      [500, 4],
    ] as const) {
      const net = generateNetwork(n, seed);
      for (const source of [0, n - 1, Math.floor(n / 2)]) {
        const { tree } = routes(net, source);
        expect(Array.from(tree.dist)).toEqual(Array.from(bellmanFord(net, source)));
        const seen = new Uint8Array(n);
        for (const v of tree.order) {
          if (v !== source) expect(seen[tree.parent[v]!]).toBe(1);
          seen[v] = 1;
        }
        expect(tree.order.length).toBe(tree.depth.filter((d) => d >= 0).length);
      }
    }
  });

  it("rejects a source that is not a node", () => {
    const net: NetworkState = { nodes: [node(), node()], edges: [[0, 1]] };
    expect(() => routeTree(2, linkTable(net), 2)).toThrow(RangeError);
  });

  it("routes a 10,000-hop chain in linear memory", () => {
    const n = 10_000;
    const net: NetworkState = {
      nodes: Array.from({ length: n }, () => node()),
      edges: Array.from({ length: n - 1 }, (_, i) => [i, i + 1] as const),
    };
    const { tree } = routes(net, 0);
    expect(tree.depth[n - 1]).toBe(n - 1);
    expect(tree.dist[n - 1]).toBe(2 * (n - 1));
    expect(tree.parent[n - 1]).toBe(n - 2);
    expect(8 * spec.REF_DATA_KB).toBe(4040); // the hop weight above is 1 + 4040 / 4040
  });
});
