/**
 * POST /simulate's domain: from a validated request to the answer (summaries per policy, the
 * compact trace, the network used). Policies are the baselines (policies.ts) and the caller's
 * learned models; limits are checked by the request schema before anything runs.
 */
import type { Policy } from "./policies.js";
import { baselinePolicy, isBaseline } from "./policies.js";
import { runEpisode, type EpisodeResult, type RunHooks } from "./runner.js";
import { summarizeAll, type PolicySummary } from "./summary.js";
import type { Topology } from "./topology.js";
import { buildTrace, defaultTraceEvery, type Trace } from "./trace.js";
import type { NetworkState } from "./types.js";

export interface Simulation {
  network_state: NetworkState;
  /** generator seed of the network; null when the request gave network_state */
  network_seed: number | null;
  load: number;
  bursts: boolean;
  tasks: number;
  seed: number;
  policies: string[];
  trace_every?: number | undefined;
}

export interface SimulationAnswer {
  summaries: PolicySummary[];
  trace: Trace;
  network_state: NetworkState;
  num_nodes: number;
  network_seed: number | null;
  load: number;
  bursts: boolean;
  tasks: number;
  seed: number;
  warmup_tasks: number;
  trace_every: number;
}

export interface SimulationProgress {
  done: number;
  total: number;
  summaries: PolicySummary[];
}

/** A learned policy for a model name (resolved by the caller: the inference path). */
export type LearnedFactory = (name: string, topo: Topology) => Policy;

export interface SimulationHooks {
  signal?: AbortSignal;
  onProgress?: (p: SimulationProgress) => void | Promise<void>;
  progressMs?: number;
}

export interface SimulationOutcome {
  /** null when the run was aborted */
  answer: SimulationAnswer | null;
  result: EpisodeResult;
}

export function answerOf(sim: Simulation, res: EpisodeResult, every: number): SimulationAnswer {
  return {
    summaries: summarizeAll(res.records, res.completed),
    trace: buildTrace(res, every),
    network_state: sim.network_state,
    num_nodes: sim.network_state.nodes.length,
    network_seed: sim.network_seed,
    load: sim.load,
    bursts: sim.bursts,
    tasks: sim.tasks,
    seed: sim.seed,
    warmup_tasks: res.warmupTasks,
    trace_every: every,
  };
}

export async function simulate(sim: Simulation, learned: LearnedFactory, hooks: SimulationHooks = {}): Promise<SimulationOutcome> {
  const every = sim.trace_every ?? defaultTraceEvery(sim.tasks);
  const onProgress = hooks.onProgress;
  const runHooks: RunHooks = {
    ...(hooks.signal ? { signal: hooks.signal } : {}),
    ...(hooks.progressMs !== undefined ? { progressMs: hooks.progressMs } : {}),
    ...(onProgress ? { onProgress: (done, res) => onProgress({ done, total: sim.tasks, summaries: summarizeAll(res.records, done) }) } : {}),
  };
  const result = await runEpisode(
    { net: sim.network_state, load: sim.load, seed: sim.seed, tasks: sim.tasks, arrivals: { bursts: sim.bursts }, traceEvery: every },
    (ctx) => sim.policies.map((name) => (isBaseline(name) ? baselinePolicy(name, ctx) : learned(name, ctx.topo))),
    runHooks,
  );
  return { answer: result.aborted ? null : answerOf(sim, result, every), result };
}
