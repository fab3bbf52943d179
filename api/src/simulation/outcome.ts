/**
 * The environment for one request: a mirror of models/edgesim/simulator.py `initial_backlog`,
 * `outcome` and `features` for a single network, float64 with the same operations in the same
 * order. Python walks the route tree one depth level per round; here each node is visited once in
 * the tree's breadth-first order (parents first), which computes the same values.
 */
import { Arena } from "./arena.js";
import { routes as routesOf, routesBytes, type Routes } from "./routing.js";
import * as spec from "./spec.js";
import type { NetworkState, NodeState, Task } from "./types.js";

export type TaskInput = Partial<Task>;

/** The API's default task source: the first sensor, else node 0 (arrivals.default_source). */
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

/** Compute speed in Mcycles/ms (arrivals.node_speed). */
export function nodeSpeed(nd: NodeState): number {
  return spec.CPU_GHZ[nd.node_type as spec.NodeType] * Math.max(1 - nd.cpu_util, spec.MIN_FREE_CPU);
}

/** backlog_ms of a node, or for requests that give queue_len only, that many mean-sized tasks. */
export function initialBacklog(nd: NodeState): number {
  if (nd.backlog_ms != null) return nd.backlog_ms;
  return ((nd.queue_len ?? 0) * spec.MEAN_TASK_MCYCLES) / nodeSpeed(nd);
}

/**
 * The mutable part of the environment (simulator.State for one network): what changes as tasks
 * are placed and time passes. Without it, outcome() reads the request: each node's backlog_ms
 * (or queue_len default) and energy, each edge's backlog_ms.
 */
export interface SimState {
  /** [N] ms of compute queued at each node */
  backlog: Float64Array;
  /** [M] ms of transfers queued on each link (request edge order) */
  linkBacklog: Float64Array;
  /** [N] J left at each node */
  energy: Float64Array;
}

export interface OutcomeOptions {
  /** evaluate as if every link were idle (all a per-node transmission time can tell) */
  linksIdle?: boolean;
  /** precomputed links and route tree of task.source, to share between evaluations */
  routes?: Routes;
  /** the environment's current state instead of the one the request describes */
  state?: SimState;
  /**
   * An outcome of the same network to overwrite instead of allocating new arrays (planner
   * rollouts evaluate hundreds of placements per decision). It is invalid afterwards.
   */
  into?: Outcome;
}

/** The exact result of placing the task on each node ([N] arrays, simulator.outcome's names in camelCase). */
export interface Outcome {
  n: number;
  routes: Routes;
  parent: Int32Array;
  link: Int32Array;
  depth: Int32Array;
  /** compute backlog of each node (ms) */
  backlog: Float64Array;
  /** energy left at each node (J) */
  energy: Float64Array;
  /** backlog of every link, request edge order (ms): the links' own state, also with linksIdle */
  linkBacklogs: Float64Array;
  /** arrival of the task's data, link queues included; Infinity where unreachable */
  arrive: Float64Array;
  /** arrival if every link were idle */
  idle: Float64Array;
  /** time the task occupies the link into each node (0 without one) */
  xfer: Float64Array;
  /** backlog of the link into each node as evaluated (0 with linksIdle) */
  linkBacklog: Float64Array;
  proc: Float64Array;
  /** time in the node's queue; 0 where unreachable */
  wait: Float64Array;
  finish: Float64Array;
  computeJ: Float64Array;
  radioJ: Float64Array;
  energyJ: Float64Array;
  deadlineMet: Uint8Array;
  balance: Float64Array;
  reward: Float64Array;
  valid: Uint8Array;
  validCount: number;
}

export function outcome(net: NetworkState, task: Task, opts: OutcomeOptions = {}): Outcome {
  const nodes = net.nodes;
  const n = nodes.length;
  const src = task.source;
  const state = opts.state;
  const into = opts.into && opts.into.n === n ? opts.into : undefined;
  // Every array this call allocates, routes included, comes from one arena (arena.ts): `first`
  // always, backlog and energy without a state, 12 float64 and 2 byte arrays without `into`.
  const arena = new Arena(
    4 * n + (state ? 0 : 16 * n) + (into ? 0 : 98 * n) + (opts.routes ? 0 : routesBytes(n, net.edges.length)) + 128,
  );
  const r = opts.routes ?? routesOf(net, src, arena);
  const { links, tree } = r;
  if (tree.source !== src) throw new Error(`routes are from node ${tree.source}, the task comes from ${src}`);
  const linkBacklogs = state ? state.linkBacklog : links.backlog;
  const bits = 8 * task.data_kb;

  const f64 = (old: Float64Array | undefined) => old ?? arena.f64(n);
  const arrive = f64(into?.arrive).fill(Infinity);
  const idle = f64(into?.idle).fill(0);
  const xfer = f64(into?.xfer).fill(0);
  const linkBacklog = f64(into?.linkBacklog).fill(0);
  const first = arena.i32(n).fill(-1); // the route's first link, out of the source (radio energy)
  arrive[src] = 0;
  const order = tree.order;
  for (let j = 1; j < order.length; j++) {
    const v = order[j]!;
    const p = tree.parent[v]!;
    const k = tree.link[v]!;
    const x = bits / links.capacity[k]!;
    const hop = links.prop[k]!;
    const lb = opts.linksIdle ? 0 : linkBacklogs[k]!;
    xfer[v] = x;
    linkBacklog[v] = lb;
    arrive[v] = Math.max(arrive[p]!, lb) + x + hop;
    idle[v] = idle[p]! + x + hop;
    first[v] = p === src ? k : first[p]!;
  }

  const backlog = state ? state.backlog : arena.f64(n);
  const energy = state ? state.energy : arena.f64(n);
  // Balance uses sums over all nodes of u = min(backlog / BALANCE_REF_MS, 1) and u^2.
  let sumU = 0;
  let sumU2 = 0;
  for (let i = 0; i < n; i++) {
    if (!state) {
      backlog[i] = initialBacklog(nodes[i]!);
      energy[i] = nodes[i]!.energy;
    }
    const b = backlog[i]!;
    const u = Math.min(b / spec.BALANCE_REF_MS, 1.0);
    sumU += u;
    sumU2 += u * u;
  }

  // every entry of these is written below
  const proc = f64(into?.proc);
  const wait = f64(into?.wait);
  const finish = f64(into?.finish);
  const computeJ = f64(into?.computeJ);
  const radioJ = f64(into?.radioJ);
  const energyJ = f64(into?.energyJ);
  const deadlineMet = into?.deadlineMet ?? arena.u8(n);
  const balance = f64(into?.balance);
  const reward = f64(into?.reward);
  const valid = into?.valid ?? arena.u8(n);
  const dl = task.deadline_ms;
  const srcEnergy = energy[src]!;
  let validCount = 0;
  for (let i = 0; i < n; i++) {
    const nd = nodes[i]!;
    const t = nd.node_type as spec.NodeType;
    const pr = task.cpu_mcycles / nodeSpeed(nd);
    const start = Math.max(arrive[i]!, backlog[i]!);
    const fin = start + pr;
    const cj = task.cpu_mcycles * spec.ENERGY_PER_MCYCLE_J[t];
    const k = first[i]!;
    const rj = k >= 0 ? (spec.RADIO_POWER_W * (bits / links.capacity[k]!)) / 1000 : 0;
    const ej = cj + rj;
    const met = fin <= dl;

    const u = Math.min(backlog[i]! / spec.BALANCE_REF_MS, 1.0);
    const after = Math.min(fin / spec.BALANCE_REF_MS, 1.0);
    const s1 = sumU - u + after;
    const s2 = sumU2 - u * u + after * after;
    const mean = s1 / n;
    const bal = 1 - 2 * Math.sqrt(Math.max(s2 / n - mean * mean, 0.0));
    const rw =
      spec.W_LATENCY * Math.min(fin / dl, spec.TERM_CAP) +
      spec.W_ENERGY * Math.min(ej / spec.ENERGY_REF_J, spec.TERM_CAP) +
      spec.W_QOS * (met ? 1 : 0) +
      spec.W_BALANCE * bal;
    const ok =
      tree.depth[i]! >= 0 &&
      nd.mem_util + task.mem_mb / (spec.MEM_GB[t] * 1024) <= 1.0 &&
      nd.cpu_util <= spec.MAX_CPU_UTIL &&
      backlog[i]! < spec.MAX_BACKLOG_MS &&
      energy[i]! >= cj &&
      (i === src || srcEnergy >= rj);

    proc[i] = pr;
    wait[i] = tree.depth[i]! >= 0 ? start - arrive[i]! : 0;
    finish[i] = fin;
    computeJ[i] = cj;
    radioJ[i] = rj;
    energyJ[i] = ej;
    deadlineMet[i] = met ? 1 : 0;
    balance[i] = bal;
    reward[i] = rw;
    valid[i] = ok ? 1 : 0;
    if (ok) validCount++;
  }
  return {
    n,
    routes: r,
    parent: tree.parent,
    link: tree.link,
    depth: tree.depth,
    backlog,
    energy,
    linkBacklogs,
    arrive,
    idle,
    xfer,
    linkBacklog,
    proc,
    wait,
    finish,
    computeJ,
    radioJ,
    energyJ,
    deadlineMet,
    balance,
    reward,
    valid,
    validCount,
  };
}

/** Per-node policy inputs of the ONNX contract, rows of [.., P, .] batch tensors (parent is int64). */
export interface FeatureBuffers {
  /** [.., NUM_NODE_FEATURES] in spec.NODE_FEATURES order */
  x: Float32Array;
  /** [.., NUM_EDGE_FEATURES] in spec.EDGE_FEATURES order */
  edgeAttr: Float32Array;
  /** route parent, a row index within the same network */
  parent: BigInt64Array;
  mask: Float32Array;
}

/**
 * Write one network's rows (simulator.features) into `buf` from row `offset` on, padded to
 * `padded` rows: padding has x, edge_attr and mask 0 and is its own parent. Every row is written,
 * so buffers can be reused. `load` is the request's arrival load (spec.DEFAULT_LOAD if absent).
 */
export function writeFeatures(
  net: NetworkState,
  task: Task,
  out: Outcome,
  load: number | undefined,
  buf: FeatureBuffers,
  offset: number,
  padded: number = out.n,
): void {
  const F = spec.NUM_NODE_FEATURES;
  const E = spec.NUM_EDGE_FEATURES;
  const n = out.n;
  if (padded < n) throw new RangeError(`cannot pad ${n} nodes to ${padded}`);
  const { x, edgeAttr, parent, mask } = buf;
  const links = out.routes.links;
  const ld = load ?? spec.DEFAULT_LOAD;
  for (let i = 0; i < n; i++) {
    const nd = net.nodes[i]!;
    const a = out.arrive[i]!;
    const reach = Number.isFinite(a);
    const o = (offset + i) * F;
    x[o] = nd.cpu_util;
    x[o + 1] = nd.mem_util;
    x[o + 2] = out.energy[i]!;
    x[o + 3] = nd.latency;
    x[o + 4] = nd.bandwidth;
    x[o + 5] = out.backlog[i]!;
    x[o + 6] = nd.node_type;
    x[o + 7] = i === task.source ? 1 : 0;
    x[o + 8] = reach ? a : spec.TX_UNREACHABLE_MS;
    x[o + 9] = reach ? a - out.idle[i]! : 0;
    x[o + 10] = out.proc[i]!;
    x[o + 11] = reach ? out.wait[i]! : 0;
    x[o + 12] = task.cpu_mcycles;
    x[o + 13] = task.mem_mb;
    x[o + 14] = task.data_kb;
    x[o + 15] = task.deadline_ms;
    x[o + 16] = ld;
    const k = out.link[i]!;
    const e = (offset + i) * E;
    // the link's own state: its backlog is reported even when the outcome took links as idle
    edgeAttr[e] = k >= 0 ? links.capacity[k]! : 0;
    edgeAttr[e + 1] = k >= 0 ? links.prop[k]! : 0;
    edgeAttr[e + 2] = k >= 0 ? out.linkBacklogs[k]! : 0;
    edgeAttr[e + 3] = out.xfer[i]!;
    parent[offset + i] = BigInt(out.parent[i]!);
    mask[offset + i] = out.valid[i]!;
  }
  x.fill(0, (offset + n) * F, (offset + padded) * F);
  edgeAttr.fill(0, (offset + n) * E, (offset + padded) * E);
  mask.fill(0, offset + n, offset + padded);
  for (let i = n; i < padded; i++) parent[offset + i] = BigInt(i);
}

/** Unpadded policy inputs of one network (tests and tools). */
export function featureTensors(net: NetworkState, task: Task, out: Outcome, load?: number): FeatureBuffers {
  const n = out.n;
  const buf: FeatureBuffers = {
    x: new Float32Array(n * spec.NUM_NODE_FEATURES),
    edgeAttr: new Float32Array(n * spec.NUM_EDGE_FEATURES),
    parent: new BigInt64Array(n),
    mask: new Float32Array(n),
  };
  writeFeatures(net, task, out, load, buf, 0);
  return buf;
}
