import { describe, expect, it } from "vitest";
import { buildCsr, componentCount, shortestPaths } from "../../src/simulation/graph.js";
import { Mulberry32 } from "../../src/simulation/prng.js";

/** Bellman-Ford to a fixed point, as models/edgesim/observation.py does it. */
function bellmanFord(n: number, edges: [number, number][], w: (u: number, v: number) => number, src: number): number[] {
  let dist = new Array<number>(n).fill(Infinity);
  dist[src] = 0;
  for (let it = 0; it < n; it++) {
    const next = [...dist];
    for (const [a, b] of edges) {
      next[b] = Math.min(next[b]!, dist[a]! + w(a, b));
      next[a] = Math.min(next[a]!, dist[b]! + w(b, a));
    }
    if (next.every((v, i) => v === dist[i])) break;
    dist = next;
  }
  return dist;
}

describe("graph", () => {
  it("builds symmetric CSR adjacency", () => {
    const g = buildCsr(4, [
      [0, 1],
      [1, 2],
    ]);
    const nb = (u: number) => Array.from(g.idx.subarray(g.start[u]!, g.start[u + 1]!)).sort();
    expect(nb(0)).toEqual([1]);
    expect(nb(1)).toEqual([0, 2]);
    expect(nb(3)).toEqual([]);
    expect(componentCount(g)).toBe(2);
  });

  it("Dijkstra equals Bellman-Ford bit for bit on random graphs with float weights", () => {
    const rng = new Mulberry32(99);
    for (let trial = 0; trial < 50; trial++) {
      const n = 2 + Math.floor(rng.next() * 40);
      const edges: [number, number][] = [];
      const m = Math.floor(rng.next() * n * 2);
      for (let k = 0; k < m; k++) {
        const a = Math.floor(rng.next() * n);
        const b = Math.floor(rng.next() * n);
        if (a !== b) edges.push([a, b]);
      }
      const lat = Array.from({ length: n }, () => 1 + rng.next() * 50);
      const bw = Array.from({ length: n }, () => 10 + rng.next() * 1000);
      const w = (u: number, v: number) => (lat[u]! + lat[v]!) / 2 + 1600 / Math.min(bw[u]!, bw[v]!);
      const src = Math.floor(rng.next() * n);
      const d = shortestPaths(buildCsr(n, edges), src, w);
      expect(Array.from(d)).toEqual(bellmanFord(n, edges, w, src));
    }
  });
});
