/**
 * The sampled look-ahead rollout planner: a mirror of models/edgesim/planner.py for one network.
 * It never reads the real stream: it scores greedy's top CANDIDATES nodes by the mean return of
 * HORIZON future arrivals placed greedily after it, over SAMPLES futures drawn from the arrival
 * model as it is now (rate, burst phase, hot region), the same futures for every candidate.
 *
 * Python samples futures with torch.Generator, which cannot be reproduced here; this sampler draws
 * the same process in the same order from a seeded mulberry32 stream instead, so the planner is
 * deterministic for a seed and statistically the same as Python's, not draw for draw
 * (docs/api.md, "/simulate").
 */
import { phaseMultiplier, regions, taskSources, type Arrival, type ArrivalOptions } from "./arrivals.js";
import { advance, commit } from "./dynamics.js";
import { outcome, type Outcome, type SimState } from "./outcome.js";
import type { Pacer } from "./pacer.js";
import { Mulberry32 } from "./prng.js";
import * as spec from "./spec.js";
import type { Topology } from "./topology.js";
import type { Task } from "./types.js";

/** planner.PlannerConfig's defaults. */
export const PLANNER_CANDIDATES = 6;
export const PLANNER_HORIZON = 10;
export const PLANNER_SAMPLES = 8;

/** Outcome evaluations of one decision at most: every candidate's rollouts (the candidate itself is already evaluated). */
export const PLANNER_EVALS_PER_TASK = PLANNER_CANDIDATES * PLANNER_SAMPLES * PLANNER_HORIZON;

/** A sampled future arrival (gap and task; phase and load are not needed by greedy). */
interface Future extends Task {
  gap_ms: number;
}

/** Valid node with the highest reward (lowest index on ties), -1 if none: episodes.greedy_action. */
export function greedyChoice(out: Outcome): number {
  let best = -1;
  for (let i = 0; i < out.n; i++) if (out.valid[i] && (best < 0 || out.reward[i]! > out.reward[best]!)) best = i;
  return best;
}

/** The top-k valid nodes by reward (descending, lowest index first on ties). */
export function topCandidates(out: Outcome, k: number): number[] {
  const valid: number[] = [];
  for (let i = 0; i < out.n; i++) if (out.valid[i]) valid.push(i);
  valid.sort((a, b) => out.reward[b]! - out.reward[a]! || a - b);
  return valid.slice(0, k);
}

/** Copy `from` into `to` (same network), or a new copy. */
function copyState(from: SimState, to?: SimState): SimState {
  if (!to) return { backlog: from.backlog.slice(), linkBacklog: from.linkBacklog.slice(), energy: from.energy.slice() };
  to.backlog.set(from.backlog);
  to.linkBacklog.set(from.linkBacklog);
  to.energy.set(from.energy);
  return to;
}

export class Planner {
  private readonly rng: Mulberry32;
  private readonly sources: number[];
  private readonly region: Int32Array;
  /** the sources in each fog region (a burst's hot sources) */
  private readonly regionSources = new Map<number, number[]>();
  /** a rollout's state, overwritten by every rollout */
  private rollout: SimState | undefined;
  /** the rollouts' outcome, overwritten at every step */
  private scratch: Outcome | undefined;

  /**
   * `rate`: the stream's base rate lambda (tasks/ms); `seed`: the sampler's mulberry32 seed.
   * The sampler is one stream over the whole episode, so a decision's futures depend on the ones before.
   */
  constructor(
    private readonly topo: Topology,
    private readonly rate: number,
    private readonly arrivals: ArrivalOptions,
    seed: number,
  ) {
    this.rng = new Mulberry32(seed);
    this.sources = taskSources(topo.net);
    this.region = regions(topo.net);
    for (const s of this.sources) {
      const r = this.region[s]!;
      if (r < 0) continue;
      if (!this.regionSources.has(r)) this.regionSources.set(r, []);
      this.regionSources.get(r)!.push(s);
    }
  }

  /** `horizon` arrivals from the current phase (planner.sample_futures, one row, the same draw order). */
  sampleFuture(task: Arrival, horizon: number): Future[] {
    const rng = this.rng;
    const src = this.sources;
    let burst = task.burst;
    let hot = task.hot;
    const out: Future[] = [];
    const uniform = (range: readonly [number, number]) => range[0] + (range[1] - range[0]) * rng.next();
    for (let h = 0; h < horizon; h++) {
      const u = rng.next();
      const on = this.arrivals.bursts && !burst && u < spec.BURST_START_P;
      const off = burst && u < spec.BURST_END_P;
      const pick = src[Math.floor(rng.next() * src.length)]!;
      if (on) hot = this.region[pick]!;
      burst = (burst || on) && !off;
      const gap = -Math.log(1 - rng.next()) / (this.rate * phaseMultiplier(burst, this.arrivals));
      const hotSources = this.regionSources.get(hot);
      const hotDraw = burst && rng.next() < spec.HOT_SHARE && hotSources !== undefined;
      const pool = hotDraw ? hotSources : src;
      const source = pool[Math.floor(rng.next() * pool.length)]!;
      const cpu_mcycles = uniform(spec.TASK_CPU_MCYCLES);
      const mem_mb = uniform(spec.TASK_MEM_MB);
      const data_kb = uniform(spec.TASK_DATA_KB);
      const deadline_ms = uniform(spec.TASK_DEADLINE_MS);
      out.push({ gap_ms: gap, source, cpu_mcycles, mem_mb, data_kb, deadline_ms });
    }
    return out;
  }

  /**
   * The node for `task` in `state` (out = its outcome there), -1 if none is valid. Each candidate's
   * estimate is the mean over the sampled futures of its own reward plus the rewards of the
   * future arrivals placed greedily (DROP_PENALTY for a drop); the best estimate wins, the
   * candidate with the higher immediate reward on ties. Yields through `pacer` between rollouts.
   */
  async choose(task: Arrival, out: Outcome, state: SimState, pacer: Pacer): Promise<number> {
    // Futures are drawn at every decision, as in Python, so the sampler's stream does not depend on the state.
    const futures: Future[][] = [];
    for (let m = 0; m < PLANNER_SAMPLES; m++) futures.push(this.sampleFuture(task, PLANNER_HORIZON));
    const cand = topCandidates(out, Math.min(PLANNER_CANDIDATES, out.n));
    if (cand.length <= 1) return cand.length === 1 ? cand[0]! : -1;
    const net = this.topo.net;
    let best = -1;
    let bestValue = -Infinity;
    for (const a0 of cand) {
      let total = 0;
      for (const future of futures) {
        const s = (this.rollout = copyState(state, this.rollout));
        let ret = out.reward[a0]!;
        commit(s, task, a0, out);
        for (const ft of future) {
          advance(s, ft.gap_ms);
          const o = outcome(net, ft, { routes: this.topo.routes(ft.source), state: s, ...(this.scratch ? { into: this.scratch } : {}) });
          this.scratch = o;
          const a = greedyChoice(o);
          if (a >= 0) {
            ret += o.reward[a]!;
            commit(s, ft, a, o);
          } else {
            ret += spec.DROP_PENALTY;
          }
        }
        total += ret;
        await pacer.tick();
      }
      const value = total / futures.length;
      if (value > bestValue) {
        best = a0;
        bestValue = value;
      }
    }
    return best;
  }
}
