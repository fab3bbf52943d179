/**
 * Arrival streams: a mirror of models/edgesim/arrivals.py. Markov-modulated Poisson arrivals at a
 * target load rho of the network's compute, bursts concentrated on one fog region. A stream depends
 * only on the network, rho and a seed (one mulberry32 stream, drawn in the same order as Python),
 * never on the placements. Gaps use Math.log, which may differ from C's log in the last bit.
 */
import { nodeSpeed } from "./outcome.js";
import { Mulberry32 } from "./prng.js";
import * as spec from "./spec.js";
import { edgeEnds, type NetworkState, type Task } from "./types.js";

/** One arrival: arrivals.arrival_stream's dict. */
export interface Arrival extends Task {
  /** ms since the previous arrival */
  gap_ms: number;
  burst: boolean;
  /** the hot fog region during a burst, else -1 */
  hot: number;
  /** current arrival rate as a fraction of the network's compute (rho times the phase's multiplier) */
  load: number;
}

/** Tasks per ms that load the network's total compute to `load` on average. */
export function arrivalRate(net: NetworkState, load: number): number {
  let speed = 0;
  for (const nd of net.nodes) speed += nodeSpeed(nd);
  return (load * speed) / spec.MEAN_TASK_MCYCLES;
}

/** Sensors (every node if there are none), in index order. */
export function taskSources(net: NetworkState): number[] {
  const sensors: number[] = [];
  net.nodes.forEach((nd, i) => {
    if (nd.node_type === spec.SENSOR) sensors.push(i);
  });
  return sensors.length > 0 ? sensors : net.nodes.map((_, i) => i);
}

/** Fog region of each node: its lowest-index fog neighbour (-1 if none). */
export function regions(net: NetworkState): Int32Array {
  const nodes = net.nodes;
  const reg = new Int32Array(nodes.length).fill(-1);
  for (const e of net.edges) {
    const [s, t] = edgeEnds(e);
    for (const [a, b] of [
      [s, t],
      [t, s],
    ] as const) {
      if (nodes[b]!.node_type === spec.FOG && (reg[a]! < 0 || b < reg[a]!)) reg[a] = b;
    }
  }
  return reg;
}

/**
 * The phase process of an arrival stream. `bursts: false` is a plain Poisson stream at rate lambda
 * (multiplier 1, sources uniform): the phase draw is still made but never starts a burst, so no
 * hot-region draws happen.
 */
export interface ArrivalOptions {
  bursts: boolean;
}

export const DEFAULT_ARRIVALS: ArrivalOptions = { bursts: true };

/** Rate multiplier of a phase. */
export function phaseMultiplier(burst: boolean, opts: ArrivalOptions = DEFAULT_ARRIVALS): number {
  if (!opts.bursts) return 1.0;
  return burst ? spec.RATE_BURST : spec.RATE_CALM;
}

/**
 * `count` arrivals of the stream (network, load, seed); with the default options the same numbers
 * as Python's arrival_stream (which has no option to turn bursts off).
 */
export function arrivalStream(net: NetworkState, load: number, seed: number, count: number, opts: ArrivalOptions = DEFAULT_ARRIVALS): Arrival[] {
  const rng = new Mulberry32(seed);
  const lam = arrivalRate(net, load);
  const sources = taskSources(net);
  const reg = regions(net);
  let burst = false;
  let hot = -1;
  let hotSources: number[] = [];
  const out: Arrival[] = [];
  const uniform = (range: readonly [number, number]) => range[0] + (range[1] - range[0]) * rng.next();
  for (let i = 0; i < count; i++) {
    const u = rng.next();
    if (opts.bursts && !burst && u < spec.BURST_START_P) {
      burst = true;
      hot = reg[sources[Math.floor(rng.next() * sources.length)]!]!;
      hotSources = hot >= 0 ? sources.filter((s) => reg[s] === hot) : [];
    } else if (burst && u < spec.BURST_END_P) {
      burst = false;
    }
    const mult = phaseMultiplier(burst, opts);
    const gap = -Math.log(1.0 - rng.next()) / (lam * mult);
    const pool = burst && hotSources.length > 0 && rng.next() < spec.HOT_SHARE ? hotSources : sources;
    const source = pool[Math.floor(rng.next() * pool.length)]!;
    const cpu_mcycles = uniform(spec.TASK_CPU_MCYCLES);
    const mem_mb = uniform(spec.TASK_MEM_MB);
    const data_kb = uniform(spec.TASK_DATA_KB);
    const deadline_ms = uniform(spec.TASK_DEADLINE_MS);
    out.push({ gap_ms: gap, source, cpu_mcycles, mem_mb, data_kb, deadline_ms, burst, hot: burst ? hot : -1, load: load * mult });
  }
  return out;
}

/** Tasks placed by greedy before an episode's scored part: max(WARMUP_MIN_TASKS, WARMUP_PER_NODE * N). */
export function warmupTasks(numNodes: number): number {
  return Math.max(spec.WARMUP_MIN_TASKS, spec.WARMUP_PER_NODE * numNodes);
}
