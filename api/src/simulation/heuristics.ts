/**
 * Placement baselines: a mirror of models/edgesim/heuristics.py (all but the planner). Each
 * reads the exact outcome the policies are scored on; scores are float64 like the Python. Ties go
 * to the lowest node index; -1 when no node is valid (Python would return node 0 and drop the task).
 */
import { outcome, type Outcome } from "./outcome.js";
import { Mulberry32 } from "./prng.js";
import type { NetworkState, Task } from "./types.js";

export const HEURISTIC_NAMES = [
  "random",
  "round_robin",
  "least_loaded",
  "nearest",
  "greedy",
  "greedy_static",
  "jsed",
  "power_of_two",
] as const;
export type HeuristicName = (typeof HEURISTIC_NAMES)[number];

export interface HeuristicContext {
  net: NetworkState;
  task: Task;
  /** outcome(net, task) with link queues included */
  out: Outcome;
  /** round_robin's pointer (task number in the episode) */
  step: number;
  /** mulberry32 seed of random and power_of_two */
  seed: number;
}

/** Valid node with the highest score (first on ties), -1 if none. */
function argmaxValid(valid: Uint8Array, score: Float64Array): number {
  let best = -1;
  for (let i = 0; i < valid.length; i++) if (valid[i] && (best < 0 || score[i]! > score[best]!)) best = i;
  return best;
}

/** Valid node with the lowest value (first on ties), -1 if none. */
function argminValid(valid: Uint8Array, value: Float64Array): number {
  let best = -1;
  for (let i = 0; i < valid.length; i++) if (valid[i] && (best < 0 || value[i]! < value[best]!)) best = i;
  return best;
}

/** Indices of the valid nodes, ascending. */
function validNodes(out: Outcome): Int32Array {
  const list = new Int32Array(out.validCount);
  for (let i = 0, j = 0; i < out.n; i++) if (out.valid[i]) list[j++] = i;
  return list;
}

/** Uniform over valid nodes: the floor(u * V)-th valid node for the first draw u of mulberry32(seed). */
export function randomChoice(c: HeuristicContext): number {
  const valid = validNodes(c.out);
  if (valid.length === 0) return -1;
  return valid[Math.floor(new Mulberry32(c.seed).next() * valid.length)]!;
}

/** The first valid node at or after (step mod N). */
export function roundRobin(c: HeuristicContext): number {
  const n = c.out.n;
  const s = ((c.step % n) + n) % n;
  for (let d = 0; d < n; d++) {
    const i = (s + d) % n;
    if (c.out.valid[i]) return i;
  }
  return -1;
}

/** Shortest compute backlog. */
export function leastLoaded(c: HeuristicContext): number {
  return argminValid(c.out.valid, c.out.backlog);
}

/** Shortest route from the source, links taken as idle. */
export function nearest(c: HeuristicContext): number {
  return argminValid(c.out.valid, c.out.idle);
}

/** Highest immediate reward, link and node queues included: the exact one-step optimum. */
export function greedy(c: HeuristicContext): number {
  return argmaxValid(c.out.valid, c.out.reward);
}

/** Highest immediate reward with node queues exact but every link idle (all a per-node tx time tells). */
export function greedyStatic(c: HeuristicContext): number {
  const state = { backlog: c.out.backlog, linkBacklog: c.out.linkBacklogs, energy: c.out.energy };
  const idle = outcome(c.net, c.task, { linksIdle: true, routes: c.out.routes, state });
  return argmaxValid(c.out.valid, idle.reward);
}

/** Join the shortest expected delay: earliest completion. */
export function jsed(c: HeuristicContext): number {
  return argminValid(c.out.valid, c.out.finish);
}

/**
 * Two distinct valid nodes, the one with the earlier completion. Draws from mulberry32(seed): the
 * first is the a-th valid node, a = floor(u1 * V); the second the b-th of the other V - 1,
 * b = floor(u2 * (V - 1)), counted with the first skipped. Python draws with torch.multinomial,
 * so the picks differ; the distribution is the same. With one valid node it is the answer.
 */
export function powerOfTwo(c: HeuristicContext): number {
  const valid = validNodes(c.out);
  const v = valid.length;
  if (v === 0) return -1;
  if (v === 1) return valid[0]!;
  const g = new Mulberry32(c.seed);
  const a = Math.floor(g.next() * v);
  let b = Math.floor(g.next() * (v - 1));
  if (b >= a) b++;
  const i = Math.min(valid[a]!, valid[b]!);
  const j = Math.max(valid[a]!, valid[b]!);
  return c.out.finish[j]! < c.out.finish[i]! ? j : i;
}

export const HEURISTICS: Record<HeuristicName, (c: HeuristicContext) => number> = {
  random: randomChoice,
  round_robin: roundRobin,
  least_loaded: leastLoaded,
  nearest,
  greedy,
  greedy_static: greedyStatic,
  jsed,
  power_of_two: powerOfTwo,
};

export const HEURISTIC_DESCRIPTIONS: Record<HeuristicName, string> = {
  random: "uniform over valid nodes, mulberry32 seeded with the request's `seed` (default: a hash of the request body)",
  round_robin: "the first valid node at or after index `step mod N`; a single request is a fresh episode, so step defaults to 0",
  least_loaded: "shortest compute backlog (backlog_ms)",
  nearest: "shortest route from the source with every link taken as idle",
  greedy: "highest immediate reward with link and node queues included: the exact one-step optimum",
  greedy_static: "highest immediate reward with node queues exact but every link taken as idle",
  jsed: "join the shortest expected delay: earliest completion (transfer, link and node queues, processing)",
  power_of_two: "two distinct valid nodes drawn with mulberry32(seed); the one that finishes earlier",
};

/** FNV-1a 32-bit hash of a string: the default seed of `random` and `power_of_two`, derived from the request. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
