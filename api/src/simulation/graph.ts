/**
 * Topology helpers: undirected adjacency in CSR form and single-source shortest paths.
 *
 * Python (edgesim/observation.py) runs Bellman-Ford to a fixed point; with non-negative weights and
 * IEEE rounding being monotone, Dijkstra reaches the same minimum over paths of the left-to-right
 * float64 sums, so the distances agree bit for bit.
 */

export interface Csr {
  n: number;
  /** neighbours of u are idx[start[u] .. start[u+1]) */
  start: Int32Array;
  idx: Int32Array;
}

/** Build CSR adjacency from undirected edge pairs (duplicates are harmless). */
export function buildCsr(n: number, edges: readonly (readonly [number, number])[]): Csr {
  const deg = new Int32Array(n + 1);
  for (const [s, t] of edges) {
    deg[s]!++;
    deg[t]!++;
  }
  const start = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) start[i + 1] = start[i]! + deg[i]!;
  const fill = start.slice(0, n);
  const idx = new Int32Array(start[n]!);
  for (const [s, t] of edges) {
    idx[fill[s]!++] = t;
    idx[fill[t]!++] = s;
  }
  return { n, start, idx };
}

// Scratch buffers reused across calls (single-threaded, synchronous): no allocation per request.
let done = new Uint8Array(64);
let heapKey = new Float64Array(128);
let heapVal = new Int32Array(128);

function ensureScratch(n: number, cap: number): void {
  if (done.length < n) done = new Uint8Array(Math.max(n, done.length * 2));
  if (heapKey.length < cap) {
    const size = Math.max(cap, heapKey.length * 2);
    heapKey = new Float64Array(size);
    heapVal = new Int32Array(size);
  }
}

/**
 * Dijkstra from `source` where the edge weight is
 *   w(u, v) = (lat[u] + lat[v]) / 2 + bits / min(bw[u], bw[v])
 * (the simulator's hop weight, docs/environment.md). Writes distances into `dist` (Infinity where
 * unreachable). Binary heap with lazy deletion.
 */
export function hopShortestPaths(
  g: Csr,
  source: number,
  lat: Float64Array,
  bw: Float64Array,
  bits: number,
  dist: Float64Array = new Float64Array(g.n),
): Float64Array {
  const n = g.n;
  const start = g.start;
  const idx = g.idx;
  ensureScratch(n, idx.length + 1);
  const seen = done;
  const hk = heapKey;
  const hv = heapVal;
  seen.fill(0, 0, n);
  dist.fill(Infinity);
  dist[source] = 0;
  let size = 1;
  hk[0] = 0;
  hv[0] = source;
  while (size > 0) {
    // pop
    const u: number = hv[0]!;
    const k = hk[--size]!;
    const last = hv[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && hk[c + 1]! < hk[c]!) c++;
      if (hk[c]! >= k) break;
      hk[i] = hk[c]!;
      hv[i] = hv[c]!;
      i = c;
    }
    hk[i] = k;
    hv[i] = last;
    if (seen[u]) continue;
    seen[u] = 1;
    const du = dist[u]!;
    const lu = lat[u]!;
    const bu = bw[u]!;
    for (let e: number = start[u]!, end: number = start[u + 1]!; e < end; e++) {
      const v = idx[e]!;
      if (seen[v]) continue;
      const bv = bw[v]!;
      const nd = du + ((lu + lat[v]!) / 2 + bits / (bu < bv ? bu : bv));
      if (nd < dist[v]!) {
        dist[v] = nd;
        // push
        let j = size++;
        while (j > 0) {
          const p = (j - 1) >> 1;
          if (hk[p]! <= nd) break;
          hk[j] = hk[p]!;
          hv[j] = hv[p]!;
          j = p;
        }
        hk[j] = nd;
        hv[j] = v;
      }
    }
  }
  return dist;
}

/** Dijkstra with an arbitrary non-negative weight function (tests and tools). */
export function shortestPaths(
  g: Csr,
  source: number,
  weight: (u: number, v: number) => number,
  dist: Float64Array = new Float64Array(g.n),
): Float64Array {
  const n = g.n;
  dist.fill(Infinity);
  dist[source] = 0;
  const seen = new Uint8Array(n);
  for (;;) {
    let u = -1;
    for (let i = 0; i < n; i++) if (!seen[i] && dist[i]! < Infinity && (u < 0 || dist[i]! < dist[u]!)) u = i;
    if (u < 0) break;
    seen[u] = 1;
    for (let e = g.start[u]!, end = g.start[u + 1]!; e < end; e++) {
      const v = g.idx[e]!;
      const nd = dist[u]! + weight(u, v);
      if (!seen[v] && nd < dist[v]!) dist[v] = nd;
    }
  }
  return dist;
}

/** Connected components count (used by docs/tests, and to describe generated networks). */
export function componentCount(g: Csr): number {
  const seen = new Uint8Array(g.n);
  const stack = new Int32Array(g.n);
  let count = 0;
  for (let s = 0; s < g.n; s++) {
    if (seen[s]) continue;
    count++;
    let top = 0;
    stack[top++] = s;
    seen[s] = 1;
    while (top > 0) {
      const u = stack[--top]!;
      for (let e = g.start[u]!, end = g.start[u + 1]!; e < end; e++) {
        const v = g.idx[e]!;
        if (!seen[v]) {
          seen[v] = 1;
          stack[top++] = v;
        }
      }
    }
  }
  return count;
}
