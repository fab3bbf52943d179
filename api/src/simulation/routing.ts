/**
 * Links and static routes of environment v2: a mirror of models/edgesim/routing.py for one network
 * and one task source (the API routes per request).
 *
 * A route is the shortest path for a transfer of spec.REF_DATA_KB over hop weights
 * w = prop + 8 * REF_DATA_KB / capacity. parent(v) is the lowest-index neighbour u with
 * dist(u) + w(u, v) === dist(v). Python runs Bellman-Ford to a fixed point; with non-negative
 * weights and IEEE rounding being monotone, Dijkstra reaches the same minimum over paths of the
 * left-to-right float64 sums, so distances, and therefore the tree, agree bit for bit.
 */
import { Arena } from "./arena.js";
import * as spec from "./spec.js";
import type { NetworkState } from "./types.js";

/** Undirected links in request order; capacity in Mbps (= kbit/ms), prop and backlog in ms. */
export interface LinkTable {
  count: number;
  source: Int32Array;
  target: Int32Array;
  capacity: Float64Array;
  prop: Float64Array;
  backlog: Float64Array;
}

/** Undirected adjacency in CSR form: the half-edges of u are start[u] .. start[u + 1). */
export interface LinkGraph {
  n: number;
  start: Int32Array;
  /** the node at the other end of each half-edge */
  nbr: Int32Array;
  /** the link index of each half-edge */
  link: Int32Array;
}

export interface RouteTree {
  source: number;
  /** hop distance from the source (Infinity where unreachable) */
  dist: Float64Array;
  /** route parent of each node; the node itself for the source and unreachable nodes */
  parent: Int32Array;
  /** link from parent into each node; -1 for the source and unreachable nodes */
  link: Int32Array;
  /** hop count from the source; -1 where unreachable */
  depth: Int32Array;
  /** the reachable nodes, source first, every parent before its children */
  order: Int32Array;
}

export interface Routes {
  links: LinkTable;
  tree: RouteTree;
}

/**
 * Bytes of every array routes() allocates for n nodes and m links (linkTable, linkGraph,
 * hopWeights, routeTree), 8-byte alignment included: its arena's size.
 */
export function routesBytes(n: number, m: number): number {
  return 45 * n + 80 * m + 256;
}

export function linkTable(net: NetworkState, arena: Arena = new Arena(32 * net.edges.length + 64)): LinkTable {
  const nodes = net.nodes;
  const m = net.edges.length;
  const t: LinkTable = {
    count: m,
    source: arena.i32(m),
    target: arena.i32(m),
    capacity: arena.f64(m),
    prop: arena.f64(m),
    backlog: arena.f64(m),
  };
  for (let k = 0; k < m; k++) {
    const e = net.edges[k]!;
    const pair = !("source" in e);
    const s = pair ? e[0] : e.source;
    const d = pair ? e[1] : e.target;
    const a = nodes[s];
    const b = nodes[d];
    if (!a || !b) throw new RangeError(`edge ${k} (${s}, ${d}) names a node outside 0..${nodes.length - 1}`);
    t.source[k] = s;
    t.target[k] = d;
    t.capacity[k] = (pair ? null : e.capacity_mbps) ?? Math.min(a.bandwidth, b.bandwidth);
    t.prop[k] = (a.latency + b.latency) / 2;
    t.backlog[k] = (pair ? 0 : e.backlog_ms) ?? 0;
  }
  return t;
}

export function linkGraph(n: number, links: LinkTable, arena: Arena = new Arena(8 * n + 16 * links.count + 64)): LinkGraph {
  const m = links.count;
  const start = arena.i32(n + 1);
  for (let k = 0; k < m; k++) {
    start[links.source[k]! + 1]!++;
    start[links.target[k]! + 1]!++;
  }
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = arena.i32(n);
  fill.set(start.subarray(0, n));
  const nbr = arena.i32(2 * m);
  const link = arena.i32(2 * m);
  for (let k = 0; k < m; k++) {
    const s = links.source[k]!;
    const t = links.target[k]!;
    let h = fill[s]!++;
    nbr[h] = t;
    link[h] = k;
    h = fill[t]!++;
    nbr[h] = s;
    link[h] = k;
  }
  return { n, start, nbr, link };
}

/** Hop weight of every link for routing (routing.py route_trees `w`). */
export function hopWeights(links: LinkTable, arena: Arena = new Arena(8 * links.count)): Float64Array {
  const w = arena.f64(links.count);
  const bits = 8 * spec.REF_DATA_KB;
  for (let k = 0; k < links.count; k++) w[k] = links.prop[k]! + bits / links.capacity[k]!;
  return w;
}

/** Dijkstra over the hop weights; a binary heap with lazy deletion (at most one push per half-edge). */
function distances(g: LinkGraph, w: Float64Array, source: number, arena: Arena): Float64Array {
  const n = g.n;
  const dist = arena.f64(n).fill(Infinity);
  const done = arena.u8(n);
  const cap = g.nbr.length + 1;
  const hk = arena.f64(cap);
  const hv = arena.i32(cap);
  dist[source] = 0;
  hk[0] = 0;
  hv[0] = source;
  let size = 1;
  while (size > 0) {
    const u = hv[0]!;
    // pop: sift the last entry down from the root
    const key = hk[--size]!;
    const val = hv[size]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= size) break;
      if (c + 1 < size && hk[c + 1]! < hk[c]!) c++;
      if (hk[c]! >= key) break;
      hk[i] = hk[c]!;
      hv[i] = hv[c]!;
      i = c;
    }
    hk[i] = key;
    hv[i] = val;
    if (done[u]) continue;
    done[u] = 1;
    const du = dist[u]!;
    for (let h: number = g.start[u]!, end: number = g.start[u + 1]!; h < end; h++) {
      const v = g.nbr[h]!;
      const nd = du + w[g.link[h]!]!;
      if (done[v] || !(nd < dist[v]!)) continue;
      dist[v] = nd;
      // push: sift up
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
  return dist;
}

/**
 * Route tree of one source over the network's links, linear-ish in N + M (no N x N anywhere).
 * `g` and `w` (linkGraph, hopWeights of the same links) can be shared between sources; without
 * them they are built from `arena` too.
 */
export function routeTree(
  n: number,
  links: LinkTable,
  source: number,
  g?: LinkGraph,
  w?: Float64Array,
  arena: Arena = new Arena(37 * n + 24 * links.count + (g && w ? 0 : 8 * n + 24 * links.count) + 256),
): RouteTree {
  if (!Number.isInteger(source) || source < 0 || source >= n) throw new RangeError(`task source ${source} is not a node (0..${n - 1})`);
  g ??= linkGraph(n, links, arena);
  w ??= hopWeights(links, arena);
  const dist = distances(g, w, source, arena);
  const parent = arena.i32(n);
  const link = arena.i32(n).fill(-1);
  for (let v = 0; v < n; v++) {
    parent[v] = v;
    if (v === source) continue;
    // the lowest-index tight neighbour, then the lowest tight link from it (parallel edges)
    let bu = -1;
    let bk = -1;
    for (let h: number = g.start[v]!, end: number = g.start[v + 1]!; h < end; h++) {
      const u = g.nbr[h]!;
      const k = g.link[h]!;
      const cand = dist[u]! + w[k]!;
      if (cand !== dist[v]! || !Number.isFinite(cand)) continue;
      if (bu < 0 || u < bu || (u === bu && k < bk)) {
        bu = u;
        bk = k;
      }
    }
    if (bu >= 0) {
      parent[v] = bu;
      link[v] = bk;
    }
  }
  const { order, depth } = walkDown(n, source, parent, link, arena);
  return { source, dist, parent, link, depth, order };
}

/**
 * Breadth-first walk down the tree from the source: the processing order and each node's depth.
 * A node with a parent that the walk never reaches sits on a cycle of tight links, possible only if
 * a hop weight vanishes next to its distance in float64; Python iterates such nodes to garbage, here
 * they are treated as unreachable.
 */
function walkDown(
  n: number,
  source: number,
  parent: Int32Array,
  link: Int32Array,
  arena: Arena,
): { order: Int32Array; depth: Int32Array } {
  const first = arena.i32(n + 1);
  for (let v = 0; v < n; v++) if (link[v]! >= 0) first[parent[v]! + 1]!++;
  for (let i = 0; i < n; i++) first[i + 1]! += first[i]!;
  const fill = arena.i32(n);
  fill.set(first.subarray(0, n));
  const child = arena.i32(first[n]!);
  for (let v = 0; v < n; v++) if (link[v]! >= 0) child[fill[parent[v]!]!++] = v;

  const depth = arena.i32(n).fill(-1);
  const queue = arena.i32(n);
  let tail = 0;
  queue[tail++] = source;
  depth[source] = 0;
  for (let head = 0; head < tail; head++) {
    const u = queue[head]!;
    for (let c: number = first[u]!, end: number = first[u + 1]!; c < end; c++) {
      const v = child[c]!;
      depth[v] = depth[u]! + 1;
      queue[tail++] = v;
    }
  }
  for (let v = 0; v < n; v++) {
    if (depth[v]! < 0) {
      parent[v] = v;
      link[v] = -1;
    }
  }
  return { order: queue.subarray(0, tail), depth };
}

/** Links and the route tree of `source` for one request, all from one arena. */
export function routes(net: NetworkState, source: number, arena: Arena = new Arena(routesBytes(net.nodes.length, net.edges.length))): Routes {
  const n = net.nodes.length;
  const links = linkTable(net, arena);
  return { links, tree: routeTree(n, links, source, undefined, undefined, arena) };
}
