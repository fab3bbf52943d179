/**
 * The policies an episode can run: every baseline of heuristics.ts, the planner, and (supplied by
 * the caller, see learned.ts) the loaded models. A policy sees one decision at a time: the task,
 * its exact outcome on every node and the policy's own environment state.
 */
import type { Arrival, ArrivalOptions } from "./arrivals.js";
import { HEURISTIC_NAMES, HEURISTICS, type HeuristicName } from "./heuristics.js";
import type { Outcome, SimState } from "./outcome.js";
import type { Pacer } from "./pacer.js";
import { Planner } from "./planner.js";
import type { Topology } from "./topology.js";

export const PLANNER = "planner";
export const BASELINE_NAMES = [...HEURISTIC_NAMES, PLANNER] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

export function isBaseline(name: string): name is BaselineName {
  return (BASELINE_NAMES as readonly string[]).includes(name);
}

export interface Decision {
  /** scored task number, 0-based */
  step: number;
  /** the task's position in the stream, warm-up included (round_robin's pointer, like Python's EdgeSim.k) */
  index: number;
  task: Arrival;
  out: Outcome;
  /** the policy's own environment at the task's arrival */
  state: SimState;
}

export interface Policy {
  name: string;
  kind: "learned" | "baseline";
  /** The node for the decision's task; -1 (or any invalid node) drops it. */
  choose(d: Decision, pacer: Pacer): number | Promise<number>;
  /** the model version deciding (learned policies: pinned for the whole episode) */
  version?: string;
  /** called once when the episode ends, however it ends */
  release?(): void;
}

export interface EpisodeContext {
  topo: Topology;
  /** the stream's base arrival rate lambda, tasks/ms */
  rate: number;
  arrivals: ArrivalOptions;
  /** the request's seed: random, power_of_two and the planner's sampler derive theirs from it */
  seed: number;
}

/** Salt of the planner's sampler stream, so it differs from the arrival stream of the same seed. */
const PLANNER_SALT = 0x5bd1e995;

/** Per-decision seed of random and power_of_two: the request seed mixed with the stream position. */
export function decisionSeed(seed: number, index: number): number {
  return (Math.imul(index + 1, 0x9e3779b1) ^ seed) >>> 0;
}

export function baselinePolicy(name: BaselineName, ctx: EpisodeContext): Policy {
  if (name === PLANNER) {
    const planner = new Planner(ctx.topo, ctx.rate, ctx.arrivals, (ctx.seed ^ PLANNER_SALT) >>> 0);
    return { name, kind: "baseline", choose: (d, pacer) => planner.choose(d.task, d.out, d.state, pacer) };
  }
  const fn = HEURISTICS[name as HeuristicName];
  const net = ctx.topo.net;
  return {
    name,
    kind: "baseline",
    choose: (d) => fn({ net, task: d.task, out: d.out, step: d.index, seed: decisionSeed(ctx.seed, d.index) }),
  };
}
