/**
 * From validated requests to batched ONNX inputs. Each network is prepared once (shortest paths,
 * placement cost, mask) and its rows are written straight into the batch buffers.
 */
import { placement, type Placement } from "../simulation/cost.js";
import { resolveTask, writeAdjacency, writeFeatures, type TaskInput } from "../simulation/features.js";
import * as spec from "../simulation/spec.js";
import type { NetworkState, Task } from "../simulation/types.js";

export interface PreparedNetwork {
  net: NetworkState;
  task: Task;
  place: Placement;
  n: number;
}

export interface Packed {
  B: number;
  N: number;
  x: Float32Array;
  adj: Float32Array;
  mask: Float32Array;
}

export function prepareNetwork(net: NetworkState, task?: TaskInput): PreparedNetwork {
  const t = resolveTask(net, task);
  return { net, task: t, place: placement(net, t), n: net.nodes.length };
}

/** Pack networks into [B, P, .] tensors; networks smaller than P are zero-padded with mask 0. */
export function packGroup(items: readonly PreparedNetwork[], padded: number): Packed {
  const B = items.length;
  const P = padded;
  const F = spec.NUM_FEATURES;
  const x = new Float32Array(B * P * F);
  const adj = new Float32Array(B * P * P);
  const mask = new Float32Array(B * P);
  for (let b = 0; b < B; b++) {
    const it = items[b]!;
    writeFeatures(it.net, it.task, it.place, x, mask, b * P);
    writeAdjacency(it.net, adj, b * P * P, P);
  }
  return { B, N: P, x, adj, mask };
}

export interface GroupPlan {
  /** indices into the request's networks */
  members: number[];
  /** padded node count of the run */
  padded: number;
}

/** Upper bound of floats in one run's adjacency tensor (B * N * N), to bound memory per run. */
export const MAX_ADJ_FLOATS = 16 * 1024 * 1024;

/**
 * Plan batched runs: networks of the same size run together; a run's adjacency stays under
 * MAX_ADJ_FLOATS and its batch under maxRunBatch. With `pad`, consecutive sizes are merged into one
 * run padded to the largest (mask 0 on padding) while padding wastes under a quarter of the run.
 */
export function planGroups(sizes: readonly number[], opts: { maxRunBatch: number; pad: boolean }): GroupPlan[] {
  const bySize = new Map<number, number[]>();
  for (let i = 0; i < sizes.length; i++) {
    const n = sizes[i]!;
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
      const mergedPadded = n;
      const real = last.real + members.length * n * n;
      const total = (last.members.length + members.length) * mergedPadded * mergedPadded;
      if (real >= 0.75 * total) {
        last.members.push(...members);
        last.padded = mergedPadded;
        last.real = real;
        continue;
      }
    }
    buckets.push({ members: [...members], padded: n, real: members.length * n * n });
  }
  const plans: GroupPlan[] = [];
  for (const b of buckets) {
    const perRun = Math.max(1, Math.min(opts.maxRunBatch, Math.floor(MAX_ADJ_FLOATS / (b.padded * b.padded))));
    for (let i = 0; i < b.members.length; i += perRun) {
      plans.push({ members: b.members.slice(i, i + perRun), padded: b.padded });
    }
  }
  return plans;
}
