/**
 * Physical constants of the simulated IoT edge network: a line-by-line mirror of
 * models/edgesim/spec.py (docs/environment.md explains every number). Keep the two identical.
 */

export const SENSOR = 0;
export const FOG = 1;
export const CLOUD = 2;
export type NodeType = 0 | 1 | 2;

/** Node record fields, in the order the API receives them. */
export const NODE_FIELDS = ["cpu_util", "mem_util", "energy", "latency", "bandwidth", "queue_len", "node_type"] as const;
export type NodeField = (typeof NODE_FIELDS)[number];

// Per-tier capacities, indexed by node_type.
export const CPU_GHZ = [1.0, 8.0, 64.0] as const; // Mcycles / GHz = ms
export const MEM_GB = [0.5, 16.0, 512.0] as const;
export const ENERGY_PER_MCYCLE_J = [0.0005, 0.001, 0.002] as const;
export const QUEUE_DRAIN_PER_STEP = [0.2, 1.0, 4.0] as const;

export const RADIO_POWER_W = 1.0;
export const MIN_FREE_CPU = 0.05;

// Admission rules (masking).
export const MAX_CPU_UTIL = 0.95;
export const MAX_QUEUE_LEN = 50.0;

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

/** Observation features, in tensor order: the export contract (models/onnx/*.json lists them). */
export const FEATURES = [
  "cpu_util",
  "mem_util",
  "energy",
  "latency",
  "bandwidth",
  "queue_len",
  "node_type",
  "is_source",
  "tx_ms",
  "proc_ms",
  "wait_ms",
  "task_cpu_mcycles",
  "task_mem_mb",
  "task_data_kb",
  "task_deadline_ms",
] as const;
export const NUM_FEATURES = FEATURES.length;

export const MIN_NODES = 2;
export const MAX_GENERATED_NODES = 1000;
