/**
 * Where one /batch-predict request's time goes on the event loop, step by step, for the bench's
 * batch (256 mid-episode 20-node networks) and for one 1000-node /predict: the JSON text's shape
 * check, JSON.parse, validation (as @hono/zod-validator calls it), preparing every network
 * (routes, outcome, features), packing, session.run on the session the server would pick, the
 * answer's JSON; then the whole request through the app in process (no socket). Also the
 * allocation pattern behind simulation/arena.ts. Run: cd api && npx tsx bench/request-cost.ts
 */
import { makeApp } from "../test/helpers/app.js";
import { feedsFor, BIG_RUN_NODES } from "../src/inference/loaded-model.js";
import { packGroup, prepareNetwork } from "../src/inference/tensors.js";
import { checkJsonShape } from "../src/lib/json-shape.js";
import { limitsOf } from "../src/schemas/network.js";
import { batchPredictRequestSchema, predictRequestSchema } from "../src/schemas/predict.js";
import { greedyWarmup } from "../src/simulation/dynamics.js";
import { generateNetwork } from "../src/simulation/generator.js";
import * as spec from "../src/simulation/spec.js";

const LOAD = 0.7;
const { app, deps, config } = await makeApp();
const model = deps.registry.get("hybrid");
if (!model) throw new Error("hybrid is not loaded (models/repository)");

function midEpisode(n: number, seed: number) {
  const w = greedyWarmup(generateNetwork(n, seed), LOAD, seed, Math.max(spec.WARMUP_MIN_TASKS, n));
  const { source, cpu_mcycles, mem_mb, data_kb, deadline_ms } = w.next;
  return { network_state: w.episode.snapshot(), task: { source, cpu_mcycles, mem_mb, data_kb, deadline_ms }, load: w.next.load };
}

/** Mean time of fn over `reps` calls after a warm-up, in ms. */
async function time(reps: number, fn: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(reps, 20); i++) await fn();
  const t = performance.now();
  for (let i = 0; i < reps; i++) await fn();
  return (performance.now() - t) / reps;
}

type Schema = { safeParseAsync(v: unknown): Promise<{ success: boolean; data?: unknown }> };

async function steps(label: string, path: string, text: string, schema: Schema, reps: number) {
  const body = JSON.parse(text) as { network_states?: ReturnType<typeof midEpisode>["network_state"][] } & Partial<ReturnType<typeof midEpisode>> & { tasks?: unknown[]; loads?: number[] };
  const items = body.network_states
    ? body.network_states.map((net, i) => ({ network_state: net, task: body.tasks![i], load: body.loads![i] }))
    : [{ network_state: body.network_state!, task: body.task, load: body.load }];
  const n = Math.max(...items.map((it) => it.network_state.nodes.length));
  const prepare = () => items.map((it) => prepareNetwork(it.network_state, it.task as never, it.load));
  const packed = packGroup(prepare(), n);
  const session = model!.bigSession && packed.B * packed.N >= BIG_RUN_NODES ? model!.bigSession : model!.session;
  const feeds = feedsFor(model!.inputs, packed);
  const answer = await (await app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: text })).json();
  // parsed bodies to validate, a few to cycle through (many would grow the heap, and every later step's GC with it)
  let copies: unknown[] = Array.from({ length: 8 }, () => JSON.parse(text) as unknown);
  let k = 0;
  const rows: [string, number][] = [
    ["shape check", await time(reps, () => checkJsonShape(text, 8, 1e9))],
    ["JSON.parse", await time(reps, () => JSON.parse(text))],
    ["validation (safeParseAsync)", await time(reps, () => schema.safeParseAsync(copies[k++ % copies.length]))],
    ["prepare (routes, outcome)", await time(reps, prepare)],
    ["pack", await time(reps, () => packGroup(prepare(), n)) - (await time(reps, prepare))],
    [`session.run (${session === model!.session ? 1 : 2} threads)`, await time(reps, () => session.run(feeds))],
    ["answer JSON", await time(reps, () => JSON.stringify(answer))],
  ];
  copies = [];
  const whole = await time(reps, async () => (await app.request(path, { method: "POST", headers: { "content-type": "application/json" }, body: text })).arrayBuffer());
  const sum = rows.reduce((s, [, ms]) => s + ms, 0);
  console.log(`\n${label} (${(text.length / 1e6).toFixed(2)} MB of JSON, ${items.length} network(s))`);
  for (const [step, ms] of rows) console.log(`  ${step.padEnd(30)} ${ms.toFixed(3).padStart(8)} ms  ${((100 * ms) / sum).toFixed(0).padStart(3)}%`);
  console.log(`  ${"sum of the steps".padEnd(30)} ${sum.toFixed(3).padStart(8)} ms`);
  console.log(`  ${"whole request, in process".padEnd(30)} ${whole.toFixed(3).padStart(8)} ms  (${((1000 / whole) * items.length).toFixed(0)} networks/s on one event loop)`);
}

const limits = limitsOf(config);
const batch = Array.from({ length: 256 }, (_, i) => midEpisode(20, 1000 + i));
await steps(
  "/batch-predict 256 x 20 nodes",
  "/batch-predict",
  JSON.stringify({ network_states: batch.map((b) => b.network_state), tasks: batch.map((b) => b.task), loads: batch.map((b) => b.load), model_type: "hybrid" }),
  batchPredictRequestSchema(limits) as unknown as Schema,
  100,
);
await steps("/predict 1000 nodes", "/predict", JSON.stringify({ ...midEpisode(1000, 1), model_type: "hybrid" }), predictRequestSchema(limits) as unknown as Schema, 300);

console.log("\ntyped arrays (simulation/arena.ts)");
for (const n of [20, 1000]) {
  const own = () => {
    for (let i = 0; i < 40; i++) new Float64Array(n)[0] = i;
  };
  const views = () => {
    const buffer = new ArrayBuffer(40 * 8 * n);
    for (let i = 0; i < 40; i++) new Float64Array(buffer, 8 * n * i, n)[0] = i;
  };
  console.log(`  40 arrays of ${n} float64: own buffers ${((await time(100_000, own)) * 1000).toFixed(1)} us, views on one buffer ${((await time(100_000, views)) * 1000).toFixed(1)} us`);
}
process.exit(0);
