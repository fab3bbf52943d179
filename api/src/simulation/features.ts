/**
 * Request -> policy input tensors: a mirror of models/edgesim/observation.py `features()` and
 * tensors.py. x [N, F] float32 in raw API units (spec.FEATURES order), adj [N, N] 0/1, mask [N].
 * Writers fill slices of caller-owned batch buffers so a batch needs one allocation per tensor.
 */
import type { Placement } from "./cost.js";
import * as spec from "./spec.js";
import type { NetworkState, Task } from "./types.js";

export type TaskInput = Partial<Task>;

/** The API's default task source: the first sensor, else node 0 (tensors.py default_source). */
export function defaultSource(net: NetworkState): number {
  const i = net.nodes.findIndex((nd) => nd.node_type === spec.SENSOR);
  return i < 0 ? 0 : i;
}

/** Fill in the documented defaults (spec.DEFAULT_TASK, source = first sensor). */
export function resolveTask(net: NetworkState, task?: TaskInput): Task {
  return {
    source: task?.source ?? defaultSource(net),
    cpu_mcycles: task?.cpu_mcycles ?? spec.DEFAULT_TASK.cpu_mcycles,
    mem_mb: task?.mem_mb ?? spec.DEFAULT_TASK.mem_mb,
    data_kb: task?.data_kb ?? spec.DEFAULT_TASK.data_kb,
    deadline_ms: task?.deadline_ms ?? spec.DEFAULT_TASK.deadline_ms,
  };
}

/**
 * Write x for one network into `x` starting at row `nodeOffset` (x is [.., F] row-major) and the
 * mask into `mask` at `nodeOffset`. Rows past the network's nodes (padding) are left as zeros.
 */
export function writeFeatures(
  net: NetworkState,
  task: Task,
  place: Placement,
  x: Float32Array,
  mask: Float32Array,
  nodeOffset: number,
): void {
  const F = spec.NUM_FEATURES;
  const nodes = net.nodes;
  for (let i = 0; i < nodes.length; i++) {
    const nd = nodes[i]!;
    const o = (nodeOffset + i) * F;
    const tx = place.txMs[i]!;
    x[o] = nd.cpu_util;
    x[o + 1] = nd.mem_util;
    x[o + 2] = nd.energy;
    x[o + 3] = nd.latency;
    x[o + 4] = nd.bandwidth;
    x[o + 5] = nd.queue_len;
    x[o + 6] = nd.node_type;
    x[o + 7] = i === task.source ? 1 : 0;
    x[o + 8] = Number.isFinite(tx) ? tx : spec.TX_UNREACHABLE_MS;
    x[o + 9] = place.procMs[i]!;
    x[o + 10] = place.waitMs[i]!;
    x[o + 11] = task.cpu_mcycles;
    x[o + 12] = task.mem_mb;
    x[o + 13] = task.data_kb;
    x[o + 14] = task.deadline_ms;
    mask[nodeOffset + i] = place.valid[i]!;
  }
}

/** Write the 0/1 symmetric adjacency of one network into `adj` ([.., P, P] with P = padded size). */
export function writeAdjacency(net: NetworkState, adj: Float32Array, offset: number, padded: number): void {
  for (const [s, t] of net.edges) {
    adj[offset + s * padded + t] = 1;
    adj[offset + t * padded + s] = 1;
  }
}

/** Tensors for one network, unpadded (tests and tools). */
export function networkTensors(net: NetworkState, task: Task, place: Placement) {
  const n = net.nodes.length;
  const x = new Float32Array(n * spec.NUM_FEATURES);
  const adj = new Float32Array(n * n);
  const mask = new Float32Array(n);
  writeFeatures(net, task, place, x, mask, 0);
  writeAdjacency(net, adj, 0, n);
  return { x, adj, mask };
}
