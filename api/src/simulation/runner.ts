/**
 * Closed-loop episodes: one arrival stream, every policy in the loop on its own copy of the
 * environment. Like models/edgesim/episodes.EdgeSim, the stream's first warmupTasks(N) arrivals are
 * placed by greedy (once, shared: the state a deployment is in when a policy takes over), then each
 * policy places the scored tasks one by one and lives with the queues its choices build up.
 */
import { arrivalRate, arrivalStream, DEFAULT_ARRIVALS, warmupTasks, type Arrival, type ArrivalOptions } from "./arrivals.js";
import { advance, commit, initialState } from "./dynamics.js";
import { outcome, type Outcome, type SimState } from "./outcome.js";
import { Pacer, SimulationAborted } from "./pacer.js";
import { greedyChoice } from "./planner.js";
import type { EpisodeContext, Policy } from "./policies.js";
import * as spec from "./spec.js";
import { Topology } from "./topology.js";
import type { NetworkState } from "./types.js";

export interface EpisodeSpec {
  net: NetworkState;
  /** target load rho of the network's compute */
  load: number;
  /** seed of the arrival stream (and of the seeded baselines and the planner's sampler) */
  seed: number;
  /** scored tasks */
  tasks: number;
  arrivals?: ArrivalOptions;
  /** sample queue and link backlogs every this many scored tasks */
  traceEvery: number;
}

/** What one policy did, per scored task, and the backlogs it had at the sampled steps. */
export interface PolicyRecord {
  name: string;
  kind: Policy["kind"];
  /** the model version that decided (learned policies), null for baselines */
  version: string | null;
  /** chosen node, -1 = dropped */
  node: Int32Array;
  reward: Float64Array;
  /** finish time of the task after its arrival, ms; NaN when dropped */
  latency: Float64Array;
  /** J spent (compute + radio); 0 when dropped */
  energy: Float64Array;
  deadlineMet: Uint8Array;
  /** node backlogs (ms) at each sampled step: the state the step's task met */
  backlog: Float64Array[];
  /** link backlogs (ms, network edge order) at each sampled step */
  linkBacklog: Float64Array[];
}

export interface EpisodeResult {
  warmupTasks: number;
  /** the scored arrivals, identical for every policy */
  stream: Arrival[];
  records: PolicyRecord[];
  /** scored steps at which backlogs were sampled */
  sampleSteps: number[];
  /** scored tasks every policy has placed (tasks unless aborted) */
  completed: number;
  aborted: boolean;
}

export interface RunHooks {
  signal?: AbortSignal;
  /** called about every progressMs of wall time while running and once after the last task */
  onProgress?: (done: number, result: EpisodeResult) => void | Promise<void>;
  progressMs?: number;
  pacer?: Pacer;
}

export const DEFAULT_PROGRESS_MS = 100;

function copyState(s: SimState): SimState {
  return { backlog: s.backlog.slice(), linkBacklog: s.linkBacklog.slice(), energy: s.energy.slice() };
}

/**
 * Run every policy from `makePolicies` on the episode. Returns early (aborted, completed < tasks)
 * when the signal fires; the work is paced so the event loop is never held for long.
 */
export async function runEpisode(ep: EpisodeSpec, makePolicies: (ctx: EpisodeContext) => Policy[], hooks: RunHooks = {}): Promise<EpisodeResult> {
  const pacer = hooks.pacer ?? new Pacer(hooks.signal);
  const progressMs = hooks.progressMs ?? DEFAULT_PROGRESS_MS;
  const arrivals = ep.arrivals ?? DEFAULT_ARRIVALS;
  const net = ep.net;
  const topo = new Topology(net);
  const warm = warmupTasks(topo.n);
  const all = arrivalStream(net, ep.load, ep.seed, warm + ep.tasks, arrivals);
  const stream = all.slice(warm);
  const policies = makePolicies({ topo, rate: arrivalRate(net, ep.load), arrivals, seed: ep.seed });
  const T = ep.tasks;
  const records: PolicyRecord[] = policies.map((p) => ({
    name: p.name,
    kind: p.kind,
    version: p.version ?? null,
    node: new Int32Array(T),
    reward: new Float64Array(T),
    latency: new Float64Array(T),
    energy: new Float64Array(T),
    deadlineMet: new Uint8Array(T),
    backlog: [],
    linkBacklog: [],
  }));
  const result: EpisodeResult = { warmupTasks: warm, stream, records, sampleSteps: [], completed: 0, aborted: false };

  try {
    const shared = initialState(net, topo.links);
    for (let k = 0; k < warm; k++) {
      const task = all[k]!;
      advance(shared, task.gap_ms);
      const out = outcome(net, task, { routes: topo.routes(task.source), state: shared });
      commit(shared, task, greedyChoice(out), out);
      await pacer.tick();
    }
    const states = policies.map(() => copyState(shared));
    // each policy's outcome is rewritten in place at its next task (a decision never outlives its step)
    const scratch: (Outcome | undefined)[] = policies.map(() => undefined);
    let lastProgress = performance.now();
    for (let t = 0; t < T; t++) {
      pacer.check();
      const task = stream[t]!;
      const sample = t % ep.traceEvery === 0;
      if (sample) result.sampleSteps.push(t);
      for (let p = 0; p < policies.length; p++) {
        const state = states[p]!;
        const rec = records[p]!;
        advance(state, task.gap_ms);
        if (sample) {
          rec.backlog.push(state.backlog.slice());
          rec.linkBacklog.push(state.linkBacklog.slice());
        }
        const prev = scratch[p];
        const out = outcome(net, task, { routes: topo.routes(task.source), state, ...(prev ? { into: prev } : {}) });
        scratch[p] = out;
        const a = await policies[p]!.choose({ step: t, index: warm + t, task, out, state }, pacer);
        if (commit(state, task, a, out)) {
          rec.node[t] = a;
          rec.reward[t] = out.reward[a]!;
          rec.latency[t] = out.finish[a]!;
          rec.energy[t] = out.energyJ[a]!;
          rec.deadlineMet[t] = out.deadlineMet[a]!;
        } else {
          rec.node[t] = -1;
          rec.reward[t] = spec.DROP_PENALTY;
          rec.latency[t] = NaN;
        }
      }
      result.completed = t + 1;
      if (hooks.onProgress && (t + 1 === T || performance.now() - lastProgress >= progressMs)) {
        await hooks.onProgress(t + 1, result);
        lastProgress = performance.now();
      }
      await pacer.tick();
    }
  } catch (e) {
    if (!(e instanceof SimulationAborted)) throw e;
    result.aborted = true;
  } finally {
    for (const p of policies) p.release?.();
  }
  return result;
}
