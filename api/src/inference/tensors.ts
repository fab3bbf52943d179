/**
 * From validated requests to batched ONNX inputs (contract v2, docs/model-contract.md). Each network
 * is prepared once (links, route tree from the task's source, outcome of placing the task on every
 * node) and its rows are written straight into the batch buffers: one allocation per tensor, memory
 * linear in nodes + links (no N x N tensor anywhere).
 */
import { outcome, resolveTask, writeFeatures, type Outcome, type TaskInput } from "../simulation/outcome.js";
import * as spec from "../simulation/spec.js";
import type { NetworkState, Task } from "../simulation/types.js";

export interface PreparedNetwork {
  net: NetworkState;
  task: Task;
  /** the `load` feature (the request's, else spec.DEFAULT_LOAD) */
  load: number;
  out: Outcome;
  /** nodes */
  n: number;
  /** links (request edges) */
  m: number;
}

/** A run's inputs: x [B, N, F], parent [B, N], edge_attr [B, N, E], mask [B, N], link_index [2, L], link_attr [L, 3]. */
export interface Packed {
  B: number;
  N: number;
  L: number;
  x: Float32Array;
  parent: BigInt64Array;
  edgeAttr: Float32Array;
  mask: Float32Array;
  linkIndex: BigInt64Array;
  linkAttr: Float32Array;
}

/** Link features of link_attr, in order. */
export const LINK_FEATURES = ["capacity_mbps", "latency_ms", "backlog_ms"] as const;

export function prepareNetwork(net: NetworkState, task?: TaskInput, load?: number): PreparedNetwork {
  const t = resolveTask(net, task);
  const out = outcome(net, t);
  return { net, task: t, load: load ?? spec.DEFAULT_LOAD, out, n: out.n, m: out.routes.links.count };
}

/**
 * Pack networks into one run padded to `padded` nodes: padding rows have x, edge_attr and mask 0
 * and are their own parent; link_index holds every link once as b * padded + v, in request order.
 */
export function packGroup(items: readonly PreparedNetwork[], padded: number): Packed {
  const B = items.length;
  const P = padded;
  let L = 0;
  for (const it of items) {
    if (it.n > P) throw new RangeError(`cannot pad ${it.n} nodes to ${P}`);
    L += it.m;
  }
  const x = new Float32Array(B * P * spec.NUM_NODE_FEATURES);
  const edgeAttr = new Float32Array(B * P * spec.NUM_EDGE_FEATURES);
  const parent = new BigInt64Array(B * P);
  const mask = new Float32Array(B * P);
  const linkIndex = new BigInt64Array(2 * L);
  const linkAttr = new Float32Array(L * LINK_FEATURES.length);
  const buf = { x, edgeAttr, parent, mask };
  let l = 0;
  for (let b = 0; b < B; b++) {
    const it = items[b]!;
    writeFeatures(it.net, it.task, it.out, it.load, buf, b * P, P);
    const links = it.out.routes.links;
    const backlog = it.out.linkBacklogs;
    const base = b * P;
    for (let k = 0; k < it.m; k++, l++) {
      linkIndex[l] = BigInt(base + links.source[k]!);
      linkIndex[L + l] = BigInt(base + links.target[k]!);
      linkAttr[3 * l] = links.capacity[k]!;
      linkAttr[3 * l + 1] = links.prop[k]!;
      linkAttr[3 * l + 2] = backlog[k]!;
    }
  }
  return { B, N: P, L, x, parent, edgeAttr, mask, linkIndex, linkAttr };
}

export interface GroupPlan {
  /** indices into the request's networks */
  members: number[];
  /** padded node count of the run */
  padded: number;
}

/** Most padded nodes (B * N) in one run; a single larger network runs alone. */
export const MAX_RUN_NODES = 1 << 17;
/** Most links in one run; a single network with more runs alone. */
export const MAX_RUN_LINKS = 1 << 19;

/** Cut equally padded members into runs within maxRunBatch, MAX_RUN_NODES and MAX_RUN_LINKS (at least one network each). */
export function chunkRun<T>(members: readonly T[], padded: number, links: (m: T) => number, maxRunBatch: number): T[][] {
  const runs: T[][] = [];
  let cur: T[] = [];
  let curLinks = 0;
  for (const m of members) {
    const l = links(m);
    if (cur.length > 0 && (cur.length >= maxRunBatch || (cur.length + 1) * padded > MAX_RUN_NODES || curLinks + l > MAX_RUN_LINKS)) {
      runs.push(cur);
      cur = [];
      curLinks = 0;
    }
    cur.push(m);
    curLinks += l;
  }
  if (cur.length > 0) runs.push(cur);
  return runs;
}

/**
 * Plan batched runs: networks of the same size run together. With `pad`, consecutive sizes are
 * merged into one run padded to the largest (mask 0 on padding) while padding wastes under a
 * quarter of its rows. Runs stay within maxRunBatch networks, MAX_RUN_NODES padded nodes and
 * MAX_RUN_LINKS links, so memory per run is bounded and linear in nodes + links.
 */
export function planGroups(
  items: readonly { n: number; m: number }[],
  opts: { maxRunBatch: number; pad: boolean },
): GroupPlan[] {
  const bySize = new Map<number, number[]>();
  for (let i = 0; i < items.length; i++) {
    const n = items[i]!.n;
    let list = bySize.get(n);
    if (!list) bySize.set(n, (list = []));
    list.push(i);
  }
  const ordered = [...bySize.keys()].sort((a, b) => a - b);
  const buckets: { members: number[]; padded: number; real: number }[] = [];
  for (const n of ordered) {
    const members = bySize.get(n)!;
    const last = buckets[buckets.length - 1];
    if (opts.pad && last) {
      const real = last.real + members.length * n;
      const total = (last.members.length + members.length) * n;
      if (real >= 0.75 * total) {
        last.members.push(...members);
        last.padded = n;
        last.real = real;
        continue;
      }
    }
    buckets.push({ members: [...members], padded: n, real: members.length * n });
  }
  const plans: GroupPlan[] = [];
  for (const b of buckets) {
    for (const members of chunkRun(b.members, b.padded, (i) => items[i]!.m, opts.maxRunBatch)) {
      plans.push({ members, padded: b.padded });
    }
  }
  return plans;
}
