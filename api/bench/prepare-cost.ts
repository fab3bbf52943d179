/**
 * What preparing a request costs before its ONNX run (inference/tensors.ts): routes, outcome and
 * features of every network, then packing them into one batch. Mid-episode networks, as
 * npm run bench sends them. Also the allocation pattern behind simulation/arena.ts: 40 typed
 * arrays as backing stores of their own against 40 views on one buffer.
 * Run: cd api && npx tsx bench/prepare-cost.ts
 */
import { packGroup, prepareNetwork, type PreparedNetwork } from "../src/inference/tensors.js";
import { greedyWarmup } from "../src/simulation/dynamics.js";
import { generateNetwork } from "../src/simulation/generator.js";
import * as spec from "../src/simulation/spec.js";

const LOAD = 0.7;

function midEpisode(n: number, seed: number): () => PreparedNetwork {
  const w = greedyWarmup(generateNetwork(n, seed), LOAD, seed, Math.max(spec.WARMUP_MIN_TASKS, n));
  const net = w.episode.snapshot();
  return () => prepareNetwork(net, w.next, w.next.load);
}

function time(label: string, reps: number, fn: () => unknown): void {
  for (let i = 0; i < Math.min(reps, 200); i++) fn();
  const t = performance.now();
  for (let i = 0; i < reps; i++) fn();
  console.log(`${label}: ${(((performance.now() - t) / reps) * 1000).toFixed(1)} us`);
}

for (const [n, batch, reps] of [
  [20, 256, 300],
  [1000, 1, 3000],
] as const) {
  const nets = Array.from({ length: batch }, (_, i) => midEpisode(n, 1000 + i));
  time(`${batch} x ${n} nodes, prepare`, reps, () => nets.map((p) => p()));
  const prepared = nets.map((p) => p());
  time(`${batch} x ${n} nodes, pack`, reps, () => packGroup(prepared, n));
}

for (const n of [20, 1000]) {
  const own = () => {
    for (let i = 0; i < 40; i++) new Float64Array(n)[0] = i;
  };
  const views = () => {
    const buffer = new ArrayBuffer(40 * 8 * n);
    for (let i = 0; i < 40; i++) new Float64Array(buffer, 8 * n * i, n)[0] = i;
  };
  time(`40 arrays of ${n} float64, own buffers`, 100_000, own);
  time(`40 arrays of ${n} float64, views on one buffer`, 100_000, views);
}
