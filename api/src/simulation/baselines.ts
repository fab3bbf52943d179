/**
 * Heuristic placement baselines: a mirror of models/edgesim/baselines.py. Each sees the policy
 * observation (x in float32, mask); greedy_oracle also reads the simulator's exact immediate cost.
 * Scores are compared in float32 like the Python (torch float32 tensors); ties go to the lowest index.
 */
import type { Placement } from "./cost.js";
import { Mulberry32 } from "./prng.js";
import * as spec from "./spec.js";

export const BASELINE_NAMES = ["random", "round_robin", "least_loaded", "nearest", "greedy_oracle"] as const;
export type BaselineName = (typeof BASELINE_NAMES)[number];

export interface BaselineContext {
  /** x [N, F] float32 (spec.FEATURES order) */
  x: Float32Array;
  /** mask [N] (1 = valid) */
  mask: Float32Array;
  n: number;
  place: Placement;
  /** round_robin's pointer (episode step); a single API request is step 0 unless it says otherwise */
  step: number;
  /** seed for `random` */
  seed: number;
}

const F = spec.NUM_FEATURES;
const IDX = Object.fromEntries(spec.FEATURES.map((name, i) => [name, i])) as Record<(typeof spec.FEATURES)[number], number>;
const f32 = Math.fround;
const MILLI_F32 = f32(1e-3);

/** argmax of score over valid nodes (first index on ties); -1 if no node is valid. */
function argmaxValid(n: number, mask: Float32Array, score: (i: number) => number): number {
  let best = -1;
  let bestS = -Infinity;
  for (let i = 0; i < n; i++) {
    if (!(mask[i]! > 0)) continue;
    const s = score(i);
    if (best < 0 || s > bestS) {
      best = i;
      bestS = s;
    }
  }
  return best;
}

export function roundRobin(c: BaselineContext): number {
  const n = c.n;
  const step = ((c.step % n) + n) % n;
  // distance ahead of the pointer, (i - step) mod N
  return argmaxValid(n, c.mask, (i) => -((i - step + n) % n));
}

export function leastLoaded(c: BaselineContext): number {
  const x = c.x;
  return argmaxValid(c.n, c.mask, (i) => {
    const o = i * F;
    const load = f32(f32(x[o + IDX.cpu_util]! + x[o + IDX.mem_util]!) + f32(MILLI_F32 * x[o + IDX.queue_len]!));
    return -load;
  });
}

export function nearest(c: BaselineContext): number {
  const x = c.x;
  return argmaxValid(c.n, c.mask, (i) => -x[i * F + IDX.tx_ms]!);
}

export function greedyOracle(c: BaselineContext): number {
  const cost = c.place.cost;
  return argmaxValid(c.n, c.mask, (i) => -f32(cost[i]!));
}

/**
 * Uniform over valid nodes from a mulberry32 stream seeded with `seed` (the Python baseline uses a
 * torch generator, so the draws differ; the distribution is the same).
 */
export function randomChoice(c: BaselineContext): number {
  let valid = 0;
  for (let i = 0; i < c.n; i++) if (c.mask[i]! > 0) valid++;
  if (valid === 0) return -1;
  const k = Math.floor(new Mulberry32(c.seed).next() * valid);
  let seen = 0;
  for (let i = 0; i < c.n; i++) {
    if (c.mask[i]! > 0) {
      if (seen === k) return i;
      seen++;
    }
  }
  return -1;
}

export const BASELINES: Record<BaselineName, (c: BaselineContext) => number> = {
  random: randomChoice,
  round_robin: roundRobin,
  least_loaded: leastLoaded,
  nearest,
  greedy_oracle: greedyOracle,
};

export const BASELINE_DESCRIPTIONS: Record<BaselineName, string> = {
  random: "uniform over valid nodes, mulberry32 seeded with the request's `seed` (default: a hash of the request body)",
  round_robin: "the first valid node at or after index `step mod N`; a single request is a fresh episode, so step defaults to 0 (the lowest valid index)",
  least_loaded: "lowest cpu_util + mem_util + 0.001 * queue_len",
  nearest: "lowest transmission time tx_ms from the task's source",
  greedy_oracle: "lowest immediate placement cost under the simulator's cost model (full knowledge)",
};

/** FNV-1a 32-bit hash of a string: the default seed for `random`, derived from the request. */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
