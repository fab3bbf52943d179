// Compare the serving cost of model versions side by side: onnxruntime-node's session.run alone on mid-episode
// networks packed by the API's own code (api/dist, as api/bench/run.mjs does), at 20 nodes batch 1 and 64, one
// 1000-node network and one 10,000-node network. Versions are timed interleaved, round after round, so load from
// other processes hits them alike; each round's median is kept and the median of those rounds is reported.
// Sessions are set up like the API's (graph optimisation "all"; 1 thread, 2 non-spinning threads for runs of 2048+ nodes).
//
// Usage (cwd models/, after `npm run build -w api`):
//   node check/bench_graphs.mjs [--models hybrid,dqn] [--versions 1,2] [--rounds 7] [--seconds 0.5] [--profile]
//   node check/bench_graphs.mjs --models hybrid --graphs a.onnx,b.onnx   (compare files instead of versions)
//   node check/bench_graphs.mjs --versions 2 --options '{"no-pattern":{"enableMemPattern":false}}'
//     (also time each version with these session options on top of the API's, labelled v<version>+<name>)
// Before timing, each case's outputs are compared with the first version's: the largest |difference| is printed,
// relative beyond 1 (Q-values and returns reach tens, masked scores -1e9), as models/check/onnx_check.mjs bounds it.
// --profile writes onnxruntime's per-kernel profile of each version at 20 nodes batch 1 and 64 and prints the
// kernels run and the time per op type.
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import ort from "onnxruntime-node";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const API_DIST = join(ROOT, "..", "api", "dist");
const LOAD = 0.7;

const { values: args } = parseArgs({
  options: {
    models: { type: "string", default: "hybrid" },
    versions: { type: "string", default: "" },
    rounds: { type: "string", default: "7" },
    seconds: { type: "string", default: "0.5" },
    cases: { type: "string", default: "20x1,20x64,1000x1,10000x1" },
    profile: { type: "boolean", default: false },
    graphs: { type: "string", default: "" },
    options: { type: "string", default: "{}" },
  },
});

async function api() {
  if (!existsSync(join(API_DIST, "server.js"))) throw new Error("api/dist is missing: run `npm run build -w api` first");
  const load = (p) => import(pathToFileURL(join(API_DIST, p)).href);
  const mods = await Promise.all(["inference/tensors.js", "inference/loaded-model.js", "simulation/generator.js", "simulation/dynamics.js"].map(load));
  return { ...Object.assign({}, ...mods), spec: await load("simulation/spec.js") };
}

// The bench's networks: mid-episode (greedy warm-up), the next arrival as the task.
function midEpisode(d, n, seed) {
  const w = d.greedyWarmup(d.generateNetwork(n, seed), LOAD, seed, Math.max(d.spec.WARMUP_MIN_TASKS, n));
  const { source, cpu_mcycles, mem_mb, data_kb, deadline_ms } = w.next;
  return d.prepareNetwork(w.episode.snapshot(), { source, cpu_mcycles, mem_mb, data_kb, deadline_ms }, w.next.load);
}

// 10 generated 1000-node networks joined by a few fog-fog and cloud-cloud links (the bench's 10,000-node network).
function joined(d, parts = 10, size = 1000) {
  const nodes = [];
  const edges = [];
  const first = [];
  for (let p = 0; p < parts; p++) {
    const net = d.generateNetwork(size, 1 + p);
    const off = nodes.length;
    nodes.push(...net.nodes);
    for (const [s, t] of net.edges) edges.push([s + off, t + off]);
    first.push([off + net.nodes.findIndex((n) => n.node_type === d.spec.FOG), off + net.nodes.findIndex((n) => n.node_type === d.spec.CLOUD)]);
  }
  for (let p = 0; p + 1 < parts; p++) edges.push([first[p][0], first[p + 1][0]], [first[p][1], first[p + 1][1]]);
  return d.prepareNetwork({ nodes, edges }, { source: 0 }, LOAD);
}

function buildCase(d, spec) {
  const [n, b] = spec.split("x").map(Number);
  const items = n >= 10_000 ? [joined(d)] : Array.from({ length: b }, (_, i) => midEpisode(d, n, b === 1 ? 1 : 1000 + i));
  return { name: spec, nodes: n, batch: b, packed: d.packGroup(items, n), threads: n * b >= 2048 ? 2 : 1 };
}

function maxDiff(a, b) {
  let worst = 0;
  for (const k of ["scores", "probs", "value"]) {
    a[k].data.forEach((x, i) => {
      const y = b[k].data[i];
      const d = Math.abs(x - y) / Math.max(1, Math.abs(y));
      worst = Number.isNaN(d) ? Infinity : Math.max(worst, d);
    });
  }
  return worst;
}

const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// as api/src/inference/session.ts opens them: the multi-threaded session's threads sleep between runs
const open = (file, threads, extra = {}) =>
  ort.InferenceSession.create(readFileSync(file), {
    intraOpNumThreads: threads, interOpNumThreads: 1, executionMode: "sequential", graphOptimizationLevel: "all",
    ...(threads > 1 ? { extra: { session: { intra_op: { allow_spinning: "0" } } } } : {}),
    ...extra,
  });

async function roundMedian(session, input, seconds) {
  const times = [];
  const end = performance.now() + seconds * 1000;
  while (times.length < 5 || performance.now() < end) {
    const t0 = performance.now();
    await session.run(input);
    times.push(performance.now() - t0);
  }
  return median(times);
}

// Kernels per run and time per op type from onnxruntime's profile (chrome-trace JSON) of `runs` runs.
let profiles = 0;
async function profile(file, c, d, runs = 100) {
  const tag = `.profile-${process.pid}-${(profiles += 1)}_`;
  const prefix = join(ROOT, "check", tag);
  const session = await open(file, c.threads, { enableProfiling: true, profileFilePrefix: prefix });
  const input = d.feedsFor(session.inputNames, c.packed);
  for (let i = 0; i < runs; i++) await session.run(input);
  session.endProfiling(); // writes <prefix><timestamp>.json
  await session.release();
  const path = join(ROOT, "check", readdirSync(join(ROOT, "check")).find((f) => f.startsWith(tag)));
  const events = JSON.parse(readFileSync(path, "utf8")).filter((e) => e.cat === "Node" && e.name.endsWith("_kernel_time"));
  rmSync(path);
  const byOp = {};
  for (const e of events) {
    const op = e.args.op_name;
    byOp[op] ??= { us: 0, kernels: 0 };
    byOp[op].us += e.dur / runs;
    byOp[op].kernels += 1 / runs;
  }
  const kernels = events.length / runs;
  const total = events.reduce((s, e) => s + e.dur, 0) / runs;
  return { kernels, total, byOp };
}

async function main() {
  const d = await api();
  const models = args.models.split(",");
  const cases = args.cases.split(",").map((s) => buildCase(d, s));
  const optionSets = Object.entries(JSON.parse(args.options));
  for (const model of models) {
    const config = JSON.parse(readFileSync(join(ROOT, "repository", model, "config.json"), "utf8"));
    const versions = args.versions ? args.versions.split(",").map(Number) : config.versions;
    const files = args.graphs
      ? Object.fromEntries(args.graphs.split(",").map((f, i) => [i + 1, f]))
      : Object.fromEntries(versions.map((v) => [v, join(ROOT, "repository", model, String(v), "model.onnx")]));
    if (args.graphs) versions.splice(0, versions.length, ...Object.keys(files).map(Number));
    // what is timed: each version as the API opens it, then with each extra option set
    const variants = versions.flatMap((v) => [
      { label: `v${v}`, file: files[v], extra: {} },
      ...optionSets.map(([name, extra]) => ({ label: `v${v}+${name}`, file: files[v], extra })),
    ]);
    if (args.profile) {
      for (const c of cases.filter((c) => c.nodes * c.batch < 2048)) {
        for (const v of versions) {
          const p = await profile(files[v], c, d);
          const top = Object.entries(p.byOp).sort((a, b) => b[1].us - a[1].us).slice(0, 12)
            .map(([op, s]) => `${op} ${s.us.toFixed(1)}us/${Math.round(s.kernels)}`).join(", ");
          console.log(`profile ${model} v${v} ${c.name}: ${Math.round(p.kernels)} kernels, ${p.total.toFixed(1)} us in kernels; ${top}`);
        }
      }
    }
    for (const c of cases) {
      const sessions = {};
      for (const { label, file, extra } of variants) {
        sessions[label] = await open(file, c.threads, extra);
        const input = d.feedsFor(sessions[label].inputNames, c.packed);
        for (let i = 0; i < 5; i++) await sessions[label].run(input);
      }
      const labels = variants.map((x) => x.label);
      const outs = {};
      for (const l of labels) outs[l] = await sessions[l].run(d.feedsFor(sessions[l].inputNames, c.packed));
      const diffs = labels.slice(1).map((l) => `${l} vs ${labels[0]} max diff ${maxDiff(outs[l], outs[labels[0]]).toExponential(2)}`);
      const rounds = Object.fromEntries(labels.map((l) => [l, []]));
      const seconds = Number(args.seconds) * (c.nodes >= 1000 ? 2 : 1);
      for (let r = 0; r < Number(args.rounds); r++) {
        for (const l of r % 2 ? [...labels].reverse() : labels) {
          rounds[l].push(await roundMedian(sessions[l], d.feedsFor(sessions[l].inputNames, c.packed), seconds));
        }
      }
      const parts = labels.map((l) => {
        const ms = median(rounds[l]);
        return `${l} ${ms < 1 ? `${(ms * 1000).toFixed(1)} us` : `${ms.toFixed(3)} ms`} (${((ms * 1000) / c.batch).toFixed(1)} us/network)`;
      });
      console.log(`${model} ${c.name.padEnd(8)} links ${String(c.packed.L).padStart(6)} threads ${c.threads}: ${parts.join("  |  ")}  ${diffs.join(", ")}`);
      for (const s of Object.values(sessions)) await s.release();
    }
  }
}

await main();
