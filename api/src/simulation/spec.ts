/**
 * Physical constants of the simulated IoT edge network: a line-by-line mirror of
 * models/edgesim/spec.py (docs/environment.md explains every number). Keep the two identical.
 */

export const SENSOR = 0;
export const FOG = 1;
export const CLOUD = 2;
export type NodeType = 0 | 1 | 2;

// Per-tier capacities, indexed by node_type.
export const CPU_GHZ = [1.0, 8.0, 64.0] as const; // Mcycles / GHz = ms
export const MEM_GB = [0.5, 16.0, 512.0] as const;
export const ENERGY_PER_MCYCLE_J = [0.0005, 0.001, 0.002] as const;

export const RADIO_POWER_W = 1.0; // the source radio spends RADIO_POWER_W * (its first link's transfer time) / 1000 J
export const MIN_FREE_CPU = 0.05; // processing slows as utilisation rises, never below 5% of capacity

// Admission: a node this busy takes no task (the compute queue's limit is MAX_BACKLOG_MS below).
export const MAX_CPU_UTIL = 0.95;

/** Feature value for the transmission time of a node unreachable from the task source. */
export const TX_UNREACHABLE_MS = 1e5;

// Reward weights and normalisers.
export const W_LATENCY = -1.0;
export const W_ENERGY = -0.5;
export const W_QOS = 2.0;
export const W_BALANCE = 0.3;
export const ENERGY_REF_J = 1.0;
export const TERM_CAP = 4.0;
export const DROP_PENALTY = -6.0;

// Task distribution (uniform ranges) and the API's default task.
export const TASK_CPU_MCYCLES = [100.0, 2000.0] as const;
export const TASK_MEM_MB = [16.0, 512.0] as const;
export const TASK_DATA_KB = [10.0, 1000.0] as const;
export const TASK_DEADLINE_MS = [100.0, 1000.0] as const;
export const DEFAULT_TASK = { cpu_mcycles: 500.0, mem_mb: 128.0, data_kb: 200.0, deadline_ms: 500.0 } as const;

// Network generator.
export const AREA_KM = 10.0;
export const SENSOR_SECOND_FOG_P = 0.3;
export const FOG_SECOND_NEIGHBOUR_P = 0.4;
export const FOG_CLOUD_P = 0.5;
type Range = readonly [number, number];
export interface TierRanges {
  cpu_util: Range;
  mem_util: Range;
  energy: Range;
  latency: Range;
  bandwidth: Range;
}
/** Per-tier uniform ranges (lo, hi) for generated node state; queue_len is floor(u * QUEUE_SPAN). */
export const NODE_RANGES: readonly [TierRanges, TierRanges, TierRanges] = [
  { cpu_util: [0.05, 0.5], mem_util: [0.1, 0.6], energy: [50.0, 500.0], latency: [2.0, 10.0], bandwidth: [10.0, 100.0] },
  { cpu_util: [0.1, 0.7], mem_util: [0.1, 0.7], energy: [5000.0, 10000.0], latency: [1.0, 5.0], bandwidth: [100.0, 1000.0] },
  { cpu_util: [0.2, 0.7], mem_util: [0.2, 0.7], energy: [50000.0, 100000.0], latency: [20.0, 60.0], bandwidth: [1000.0, 10000.0] },
];
export const QUEUE_SPAN = [3, 6, 11] as const;

export const MIN_NODES = 2;
export const MAX_GENERATED_NODES = 1000;

// ---------------------------------------------------------------------------------------------
// Environment v2 (docs/environment.md, "Environment v2"): continuous-time arrivals, FIFO compute
// queues, FIFO links with capacity, battery depletion and drops. Mirrors the v2 section of spec.py.

export const EPISODE_TASKS = 200; // scored tasks per episode
export const WARMUP_MIN_TASKS = 50; // greedy warm-up: max(WARMUP_MIN_TASKS, WARMUP_PER_NODE * N) tasks
export const WARMUP_PER_NODE = 1;
export const GAMMA = 0.95;
export const LOAD_RANGE = [0.3, 0.9] as const; // target load rho of the network's compute, per training episode
export const MEAN_TASK_MCYCLES = (TASK_CPU_MCYCLES[0] + TASK_CPU_MCYCLES[1]) / 2;
// Markov-modulated arrivals: 2 / (3 * RATE_CALM) + 1 / (3 * RATE_BURST) = 1 keeps the mean rate at rho.
export const BURST_START_P = 0.03;
export const BURST_END_P = 0.06;
export const RATE_CALM = 0.8;
export const RATE_BURST = 2.0;
export const HOT_SHARE = 0.7; // during a burst, this share of tasks comes from one fog region's sensors
export const REF_DATA_KB = (TASK_DATA_KB[0] + TASK_DATA_KB[1]) / 2; // routes are shortest paths for this transfer size
export const MAX_BACKLOG_MS = 5000.0; // a node whose compute queue is this far ahead is full
export const BALANCE_REF_MS = 1000.0; // balance term: 1 - 2 * std over nodes of min(backlog_ms / BALANCE_REF_MS, 1)

/** Node features of the v2 contract (x [B, N, F]), raw units; spec.py NODE_FEATURES gives each one's unit and meaning. */
export const NODE_FEATURES = [
  "cpu_util",
  "mem_util",
  "energy",
  "latency",
  "bandwidth",
  "backlog_ms",
  "node_type",
  "is_source",
  "tx_ms",
  "link_wait_ms",
  "proc_ms",
  "wait_ms",
  "task_cpu_mcycles",
  "task_mem_mb",
  "task_data_kb",
  "task_deadline_ms",
  "load",
] as const;
export const NUM_NODE_FEATURES = NODE_FEATURES.length;

/** Features of the route link that delivers the task to each node (edge_attr [B, N, E]). */
export const EDGE_FEATURES = ["capacity_mbps", "latency_ms", "backlog_ms", "transfer_ms"] as const;
export const NUM_EDGE_FEATURES = EDGE_FEATURES.length;

/** The `load` feature of a request that does not give one (the middle of LOAD_RANGE). */
export const DEFAULT_LOAD = 0.6;
