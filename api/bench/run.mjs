#!/usr/bin/env node
/**
 * Load test (npm run bench): autocannon against 127.0.0.1 only, the service beside two references
 * measured in the same run, and the bare compute cost.
 *
 * HTTP: starts the built server (api/dist/server.js) on a free 127.0.0.1 port with WORKERS=1, or
 * targets BENCH_URL if it is set (a loopback address). Single /predict at 20, 200 and 10,000 nodes and
 * /batch-predict of 256 networks of 20 nodes for the default model (hybrid); /predict 20 nodes and the
 * batch for every other loaded model. The networks are mid-episode (POST /networks/generate with a
 * load: node and link backlogs, the next arrival as the task).
 *
 * Workers: the same hybrid /predict 20 nodes and /batch-predict again with WORKERS = one per core.
 *
 * Floor: a bare Hono app (bench/floor.mjs: same framework and adapter) that parses the same /predict
 * body and answers the service's own answer as a fixed JSON, at the same connections: what any
 * /predict costs before the model and the service's code.
 *
 * Compute: onnxruntime-node's session.run alone (no HTTP, no JSON, no feature building) on the same
 * kind of inputs, for BENCH_COMPUTE_MODELS: 20 nodes batch 1, 64 and 256 (the /batch-predict batch),
 * and one 10,000-node network.
 *
 * Decision time at 1000 nodes: the planner as the API runs it (/simulate's "planner", TypeScript)
 * against the default model's whole decision without HTTP (features, packing, session.run, argmax),
 * on the same mid-episode states; the PyTorch planner's time from models/reports/eval.json beside it.
 *
 * OIP binary: the same 256 networks as packed tensors (the contract's inputs, built by the API's own
 * packing) through the Open Inference Protocol's /v2/models/{name}/infer with binary tensor data, in
 * and out: the path for clients that build the inputs themselves, with no JSON network to parse.
 *
 * Reports the service as a fraction of each reference: single /predict vs the floor (1 worker), and
 * /batch-predict's and the OIP binary batch's cost per network vs bare compute at batch 256. The requests/s ratios (service vs
 * floor, one worker vs one per core) come from paired rounds: short alternating runs of the same
 * /predict on each server, all up at once, so that other work on the machine weighs on both alike.
 *
 * Writes <BENCH_OUT_DIR>/benchmarks.json and benchmarks.md.
 *
 * Env: BENCH_URL, BENCH_DURATION (s per HTTP scenario, default 8), BENCH_CONNECTIONS (single, default
 * 32), BENCH_BATCH_CONNECTIONS (default 4), BENCH_MODELS (comma list, default every loaded model),
 * BENCH_WORKERS (the cluster size compared with 1, default one per core), BENCH_SERVER_ENV (extra env
 * for the spawned server, "K=V,K=V"), BENCH_COMPUTE_MODELS (comma list, default "hybrid"),
 * BENCH_COMPUTE_SECONDS (per compute case, default 3), BENCH_COMPUTE_ONLY=1 (skip the HTTP part),
 * BENCH_ROUNDS and BENCH_ROUND_SECONDS (paired rounds, default 3 x 4 s),
 * BENCH_OUT_DIR (default the repository's docs/).
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import os from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import autocannon from "autocannon";
import { API_DIR, guard, startServer } from "./server.mjs";

const REPO = join(API_DIR, "..");
const DOCS = process.env.BENCH_OUT_DIR ? resolve(process.env.BENCH_OUT_DIR) : join(REPO, "docs");
const DURATION = Number(process.env.BENCH_DURATION ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const BATCH_CONNECTIONS = Number(process.env.BENCH_BATCH_CONNECTIONS ?? 4);
const LARGE_CONNECTIONS = 2;
const BATCH_SIZE = 256;
const LOAD = 0.7;
const COMPUTE_SECONDS = Number(process.env.BENCH_COMPUTE_SECONDS ?? 3);
const COMPUTE_MODELS = (process.env.BENCH_COMPUTE_MODELS ?? "hybrid").split(",").filter(Boolean);
const COMPUTE_ONLY = ["1", "true", "on"].includes(process.env.BENCH_COMPUTE_ONLY ?? "");
const WORKERS = Number(process.env.BENCH_WORKERS ?? os.availableParallelism());
const DEFAULT_MODEL = "hybrid";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const ROUND_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 4);

function assertLoopback(url) {
  const host = new URL(url).hostname;
  if (!(host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    throw new Error(`BENCH_URL must point at this machine (127.0.0.0/8, localhost or [::1]), got ${host}`);
  }
}

for (const sig of ["SIGINT", "SIGTERM", "SIGPIPE"]) process.once(sig, () => process.exit(130));

/** bench/floor.mjs on a free port, answering `answer` (a JSON value) to every /predict. */
async function startFloor(answer) {
  const dir = mkdtempSync(join(os.tmpdir(), "bench-floor-"));
  const file = join(dir, "answer.json");
  writeFileSync(file, JSON.stringify(answer));
  const child = spawn(process.execPath, [join(API_DIR, "bench", "floor.mjs")], {
    cwd: API_DIR,
    env: { ...process.env, PORT: "0", BENCH_FLOOR_ANSWER: file },
    stdio: ["ignore", "pipe", "inherit"],
  });
  guard(child);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  const port = await new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (d) => {
      out += d;
      const m = /listening (\d+)/.exec(out);
      if (m) resolve(Number(m[1]));
    });
    child.once("exit", (code) => reject(new Error(`floor exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** GET over a new connection (so a cluster hands it to the next worker). */
function getFresh(url) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Every worker ready: /ready 200 on 2 x workers new connections in a row. */
async function waitAllReady(url, workers, timeoutMs = 60_000) {
  if (!(await waitReady(url, timeoutMs))) return false;
  const end = Date.now() + timeoutMs;
  let streak = 0;
  while (streak < 2 * workers) {
    if (Date.now() > end) return false;
    const status = await getFresh(`${url}/ready`).catch(() => 0);
    streak = status === 200 ? streak + 1 : 0;
    if (status !== 200) await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

async function waitReady(url, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    try {
      const r = await fetch(`${url}/ready`);
      if (r.ok) return true;
    } catch {
      /* starting */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

async function post(url, path, body) {
  const r = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path} -> ${r.status}: ${(await r.text()).slice(0, 300)}`);
  return r.json();
}

function cannon(opts) {
  return new Promise((resolve, reject) => {
    autocannon({ method: "POST", headers: { "content-type": "application/json" }, ...opts }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

/**
 * One HTTP scenario. `body` is a JSON body, or `{ raw, headers }`: bytes sent as they are, with
 * their own headers.
 */
async function scenario(url, name, path, body, connections, networksPerRequest, workers) {
  const payload = body.raw ?? JSON.stringify(body);
  const headers = body.headers ?? { "content-type": "application/json" };
  // Check the request once, then warm up, then measure.
  const check = await fetch(`${url}${path}`, { method: "POST", headers, body: payload });
  if (!check.ok) throw new Error(`${name}: ${check.status} ${(await check.text()).slice(0, 300)}`);
  await check.arrayBuffer();
  await cannon({ url: `${url}${path}`, body: payload, headers, connections, duration: 2 });
  const r = await cannon({ url: `${url}${path}`, body: payload, headers, connections, duration: DURATION });
  const errors = r.errors + r.timeouts + r.non2xx;
  const row = {
    scenario: name,
    path,
    workers,
    connections,
    duration_s: r.duration,
    requests: r.requests.total,
    requests_per_s: Math.round(r.requests.average),
    networks_per_s: Math.round(r.requests.average * networksPerRequest),
    latency_p50_ms: r.latency.p50,
    latency_p99_ms: r.latency.p99,
    latency_max_ms: r.latency.max,
    errors,
    non_2xx: r.non2xx,
    body_bytes: payload.length,
  };
  console.log(
    `${name.padEnd(44)} ${String(row.requests_per_s).padStart(7)} req/s  ${String(row.networks_per_s).padStart(8)} net/s  p50 ${row.latency_p50_ms} ms  p99 ${row.latency_p99_ms} ms  errors ${errors}`,
  );
  return row;
}

function machine() {
  const cpus = os.cpus();
  return {
    os: `${os.type()} ${os.release()} (${os.platform()}/${os.arch()})`,
    cpu: cpus[0]?.model ?? "unknown",
    cores: cpus.length,
    memory_gb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    // Other work on the machine skews the numbers: the 1-minute load average before the run says how busy it was.
    load_average_1m: Number(os.loadavg()[0].toFixed(2)),
  };
}

/** api/dist modules (the build the server runs): the same generator, dynamics, packing and feeds as the API. */
async function dist() {
  const dir = join(API_DIR, "dist");
  if (!existsSync(join(dir, "server.js"))) throw new Error("api/dist is missing: run `npm run build -w api` first");
  const load = (p) => import(pathToFileURL(join(dir, p)).href);
  const [tensors, model, generator, dynamics, planner, topology, arrivals, pacer, spec] = await Promise.all([
    load("inference/tensors.js"),
    load("inference/loaded-model.js"),
    load("simulation/generator.js"),
    load("simulation/dynamics.js"),
    load("simulation/planner.js"),
    load("simulation/topology.js"),
    load("simulation/arrivals.js"),
    load("simulation/pacer.js"),
    load("simulation/spec.js"),
  ]);
  return { ...tensors, ...model, ...generator, ...dynamics, ...planner, ...topology, ...arrivals, ...pacer, spec };
}

/** 10 generated 1000-node networks joined by a few fog-fog and cloud-cloud links: 10,000 nodes. */
function joinedNetwork(d, parts = 10, size = 1000, seed = 1) {
  const nodes = [];
  const edges = [];
  const first = [];
  for (let p = 0; p < parts; p++) {
    const net = d.generateNetwork(size, seed + p);
    const off = nodes.length;
    nodes.push(...net.nodes);
    for (const [s, t] of net.edges) edges.push([s + off, t + off]);
    first.push([off + net.nodes.findIndex((n) => n.node_type === d.spec.FOG), off + net.nodes.findIndex((n) => n.node_type === d.spec.CLOUD)]);
  }
  for (let p = 0; p + 1 < parts; p++) edges.push([first[p][0], first[p + 1][0]], [first[p][1], first[p + 1][1]]);
  return { nodes, edges };
}

/** A mid-episode request {network_state, task, load}, as POST /networks/generate {num_nodes, seed, load} returns it. */
function midEpisode(d, n, seed) {
  const w = d.greedyWarmup(d.generateNetwork(n, seed), LOAD, seed, Math.max(d.spec.WARMUP_MIN_TASKS, n));
  const { source, cpu_mcycles, mem_mb, data_kb, deadline_ms } = w.next;
  return { network_state: w.episode.snapshot(), task: { source, cpu_mcycles, mem_mb, data_kb, deadline_ms }, load: w.next.load };
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Bare session.run: warm-up, then repeated runs for COMPUTE_SECONDS (at least 5). */
async function timeRuns(session, input) {
  for (let i = 0; i < 5; i++) await session.run(input);
  const times = [];
  const end = performance.now() + COMPUTE_SECONDS * 1000;
  while (times.length < 5 || performance.now() < end) {
    const t0 = performance.now();
    await session.run(input);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  return { runs: times.length, mean_ms: mean, p50_ms: quantile(times, 0.5), p99_ms: quantile(times, 0.99) };
}

/** The graph of a model's default version in the model repository (its config.json), or null. */
function servedGraph(model) {
  const config = join(REPO, "models", "repository", model, "config.json");
  if (!existsSync(config)) return null;
  const file = join(REPO, "models", "repository", model, String(JSON.parse(readFileSync(config, "utf8")).default_version), "model.onnx");
  return existsSync(file) ? file : null;
}

/** The compute section: session.run per model and case, single-threaded like the server's main session. */
async function compute() {
  const ort = await import("onnxruntime-node");
  const d = await dist();
  const one = midEpisode(d, 20, 1);
  const batch = Array.from({ length: BATCH_SIZE }, (_, i) => midEpisode(d, 20, 1000 + i));
  const large = joinedNetwork(d);
  const prep = (r) => d.prepareNetwork(r.network_state, r.task, r.load);
  const cases = [
    { name: "20 nodes, batch 1", nodes: 20, batch: 1, packed: d.packGroup([prep(one)], 20) },
    { name: "20 nodes, batch 64", nodes: 20, batch: 64, packed: d.packGroup(batch.slice(0, 64).map(prep), 20) },
    { name: `20 nodes, batch ${BATCH_SIZE}`, nodes: 20, batch: BATCH_SIZE, packed: d.packGroup(batch.map(prep), 20) },
    { name: "1000 nodes, batch 1", nodes: 1000, batch: 1, packed: d.packGroup([prep(midEpisode(d, 1000, 1))], 1000) },
    { name: "10,000 nodes, batch 1", nodes: 10_000, batch: 1, packed: d.packGroup([d.prepareNetwork(large, { source: 0 }, LOAD)], 10_000) },
  ];
  const rows = [];
  for (const model of COMPUTE_MODELS) {
    const file = servedGraph(model);
    if (!file) {
      console.log(`compute: ${model} has no served version in models/repository, skipped`);
      continue;
    }
    const threadsList = [1, 2];
    for (const threads of threadsList) {
      const session = await ort.InferenceSession.create(readFileSync(file), {
        intraOpNumThreads: threads,
        interOpNumThreads: 1,
        executionMode: "sequential",
        graphOptimizationLevel: "all",
      });
      for (const c of cases) {
        // The server runs small batches on its 1-thread session and runs of 2048+ nodes on the 2-thread one.
        if ((threads === 2) !== (c.nodes * c.batch >= 2048)) continue;
        const t = await timeRuns(session, d.feedsFor(session.inputNames, c.packed));
        const row = {
          model,
          case: c.name,
          nodes: c.nodes,
          batch: c.batch,
          links: c.packed.L,
          threads,
          inputs: session.inputNames.join(", "),
          ...t,
          per_network_ms: t.mean_ms / c.batch,
        };
        rows.push(row);
        console.log(
          `compute ${model.padEnd(10)} ${c.name.padEnd(22)} threads ${threads}  mean ${row.mean_ms.toFixed(3)} ms  p50 ${row.p50_ms.toFixed(3)}  p99 ${row.p99_ms.toFixed(3)}  per network ${(row.per_network_ms * 1000).toFixed(1)} us  (${row.runs} runs)`,
        );
      }
      await session.release();
    }
  }
  return rows;
}

const DECISION_NODES = 1000;
const DECISION_STATES = 8;

/** Serving-cost goals of the default model's bare session.run: mean time per network in each compute case. */
const COMPUTE_TARGETS = [
  { case: "20 nodes, batch 1", max_ms_per_network: 0.1 },
  { case: "20 nodes, batch 64", max_ms_per_network: 0.015 },
  { case: "10,000 nodes, batch 1", max_ms_per_network: 50 },
];

/** Mean of an array of numbers. */
const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;

/**
 * Decision time at DECISION_NODES nodes on DECISION_STATES mid-episode states (generated networks after the greedy
 * warm-up): the planner as /simulate runs it (the task's outcome, then Planner.choose; 2 decisions per state) against
 * DEFAULT_MODEL's decision as /predict makes it without HTTP (prepareNetwork, packGroup, session.run on the 1-thread
 * session, argmax of probs; 20 per state). Beside them, both policies' PyTorch decision times from eval.json.
 */
async function decisionTimes() {
  const file = servedGraph(DEFAULT_MODEL);
  if (!file) return null;
  const ort = await import("onnxruntime-node");
  const d = await dist();
  const session = await ort.InferenceSession.create(readFileSync(file), {
    intraOpNumThreads: 1,
    interOpNumThreads: 1,
    executionMode: "sequential",
    graphOptimizationLevel: "all",
  });
  const pacer = new d.Pacer(undefined, Infinity); // never yields: the time is the planner's own
  const plannerMs = [];
  const modelMs = [];
  for (let i = 0; i < DECISION_STATES; i++) {
    const seed = 1 + i;
    const net = d.generateNetwork(DECISION_NODES, seed);
    const w = d.greedyWarmup(net, LOAD, seed, Math.max(d.spec.WARMUP_MIN_TASKS, DECISION_NODES));
    const { source, cpu_mcycles, mem_mb, data_kb, deadline_ms } = w.next;
    const request = w.episode.snapshot();
    const decide = async () => {
      const packed = d.packGroup([d.prepareNetwork(request, { source, cpu_mcycles, mem_mb, data_kb, deadline_ms }, w.next.load)], DECISION_NODES);
      const probs = (await session.run(d.feedsFor(session.inputNames, packed))).probs.data;
      let best = 0;
      for (let v = 1; v < probs.length; v++) if (probs[v] > probs[best]) best = v;
      return best;
    };
    for (let k = 0; k < 3; k++) await decide();
    for (let k = 0; k < 20; k++) {
      const t0 = performance.now();
      await decide();
      modelMs.push(performance.now() - t0);
    }
    const planner = new d.Planner(new d.Topology(net), d.arrivalRate(net, LOAD), d.DEFAULT_ARRIVALS, seed);
    for (let k = 0; k < 2; k++) {
      const t0 = performance.now();
      await planner.choose(w.next, w.episode.outcome(w.next), w.episode.state, pacer);
      plannerMs.push(performance.now() - t0);
    }
  }
  await session.release();
  const evalPath = join(REPO, "models", "reports", "eval.json");
  const torchMs = (policy) => {
    if (!existsSync(evalPath)) return null;
    const rows = JSON.parse(readFileSync(evalPath, "utf8")).results.filter((r) => r.policy === policy && r.num_nodes === DECISION_NODES);
    return rows.length > 0 ? mean(rows.map((r) => r.decision_ms)) : null;
  };
  const out = {
    nodes: DECISION_NODES,
    states: DECISION_STATES,
    model: DEFAULT_MODEL,
    planner_ms: mean(plannerMs),
    model_ms: mean(modelMs),
    ratio: mean(plannerMs) / mean(modelMs),
    planner_torch_ms: torchMs("planner"),
    model_torch_ms: torchMs(DEFAULT_MODEL),
  };
  console.log(
    `decision at ${DECISION_NODES} nodes: planner ${out.planner_ms.toFixed(2)} ms (TypeScript), ${DEFAULT_MODEL} ${out.model_ms.toFixed(3)} ms (features + session.run): ${out.ratio.toFixed(1)}x`,
  );
  return out;
}

const fmt = (v) => (v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toFixed(3));
const duration = (ms) => (ms < 1 ? `${fmt(ms * 1000)} us` : `${fmt(ms)} ms`);

/** The service against its references, one line each. */
export function summaryLines(refs) {
  const lines = [];
  const f = refs.predict_vs_floor;
  if (f) {
    lines.push(
      `single /predict (${DEFAULT_MODEL}, 20 nodes, 1 worker): ${(f.fraction * 100).toFixed(0)}% of the bare Hono floor's requests/s (median of ${f.rounds.length} paired rounds: ${f.rounds.map((r) => `${r.service_rps} vs ${r.floor_rps}`).join(", ")} req/s); target >= 70%`,
    );
  }
  const dt = refs.decision;
  if (dt) {
    lines.push(
      `decision at ${dt.nodes} nodes: the planner takes ${fmt(dt.planner_ms)} ms (TypeScript, as /simulate runs it), ${dt.model} ${fmt(dt.model_ms)} ms (features, packing, session.run): ${dt.ratio.toFixed(0)}x faster; target >= 100x`,
    );
  }
  const b = refs.batch_vs_compute;
  if (b) {
    lines.push(
      `/batch-predict (${DEFAULT_MODEL}, ${BATCH_SIZE} x 20 nodes, 1 worker): ${fmt(b.service_ms_per_network)} ms per network = ${b.cost_ratio.toFixed(2)}x bare onnxruntime at batch ${BATCH_SIZE} (${fmt(b.compute_ms_per_network)} ms per network); target <= 2x`,
    );
  }
  for (const t of refs.compute_targets ?? []) {
    lines.push(
      `bare session.run (${t.model}, ${t.case}): ${duration(t.ms_per_network)} per network (mean); target <= ${duration(t.max_ms_per_network)}: ${t.met ? "met" : "not met"}`,
    );
  }
  const o = refs.oip_batch_vs_compute;
  if (o) {
    lines.push(
      `the same batch as packed tensors over the Open Inference Protocol (binary tensor data, 1 worker): ${fmt(o.service_ms_per_network)} ms per network = ${o.cost_ratio.toFixed(2)}x bare onnxruntime`,
    );
  }
  const w = refs.workers;
  if (w) {
    lines.push(
      `workers 1 -> ${w.workers}: /predict x${w.predict_gain.toFixed(2)} requests/s (median of paired rounds: ${w.rounds.map((r) => `${r.predict_rps_1} -> ${r.predict_rps_n}`).join(", ")} req/s)` +
        (w.batch_gain ? `; /batch-predict ${w.batch_nps_1} -> ${w.batch_nps_n} networks/s (x${w.batch_gain.toFixed(2)}, single runs)` : ""),
    );
  }
  return lines;
}

export function markdown(result) {
  const m = result.machine;
  const lines = [
    "# Benchmarks",
    "",
    `Generated by \`npm run bench\` (api/bench/run.mjs) on ${result.date}.`,
    "",
    `- Machine: ${m.os}; ${m.cpu}; ${m.cores} cores; ${m.memory_gb} GB; Node ${m.node}`,
    `- Load average (1 min) before the run: ${m.load_average_1m} on ${m.cores} cores${m.load_average_1m > m.cores ? " — the machine was oversubscribed by other work, so these numbers understate the API" : ""}`,
  ];
  if (result.results.length > 0) {
    lines.push(
      `- Server: ${result.server}`,
      `- Networks: mid-episode networks from /networks/generate {num_nodes, seed, load: ${LOAD}} (the greedy warm-up of the training episodes: node and link backlogs), with their next arrival as the task; the 10,000-node network is ten generated 1000-node networks joined by a few links.`,
      "",
      "## HTTP",
      "",
      "autocannon drives the API on 127.0.0.1 from the same machine, so the load generator and the server share its cores. Each scenario: 2 s warm-up, then the measured run.",
      "",
      "| scenario | workers | connections | requests/s | networks/s | p50 ms | p99 ms | errors |",
      "|---|---:|---:|---:|---:|---:|---:|---:|",
      ...[...result.results, ...(result.floor ? [result.floor] : [])].map(
        (r) =>
          `| ${r.scenario} | ${r.workers ?? 1} | ${r.connections} | ${r.requests_per_s} | ${r.networks_per_s} | ${r.latency_p50_ms} | ${r.latency_p99_ms} | ${r.errors} |`,
      ),
      "",
      "Targets on this 2-core machine: at least 5,000 single predictions/s at 20 nodes with p99 under 20 ms, 50,000 networks/s",
      "through /batch-predict, zero errors.",
    );
  }
  const summary = summaryLines(result.references ?? {});
  if (summary.length > 0) {
    lines.push(
      "",
      "## Against its own limits",
      "",
      "Measured in the same run: the floor is a bare Hono app on the same adapter (api/bench/floor.mjs) that parses the same",
      "/predict body and answers the service's own answer as a fixed JSON (same size); bare compute is `session.run` on the",
      "same batch (Compute below). The cluster rows run the same requests with WORKERS = one per core. Requests/s ratios",
      `come from paired rounds (${ROUNDS} x ${ROUND_SECONDS} s on each target in turn, all servers up), so that other work on the machine`,
      "weighs on both sides of a ratio alike; the median round is reported.",
      "",
      ...summary.map((l) => `- ${l}`),
    );
  }
  if (result.compute?.length > 0) {
    lines.push(
      "",
      "## Compute",
      "",
      `onnxruntime-node's \`session.run\` alone on packed inputs (no HTTP, JSON or feature building), ${COMPUTE_SECONDS} s per case after a warm-up.`,
      "Threads as the server uses them: its main session has 1 intra-op thread, runs of 2048+ nodes in total go to a 2-thread session (ORT_BATCH_THREADS).",
      "",
      "| model | case | links | threads | mean ms | p50 ms | p99 ms | per network ms | runs |",
      "|---|---|---:|---:|---:|---:|---:|---:|---:|",
      ...result.compute.map(
        (r) => `| ${r.model} | ${r.case} | ${r.links} | ${r.threads} | ${fmt(r.mean_ms)} | ${fmt(r.p50_ms)} | ${fmt(r.p99_ms)} | ${fmt(r.per_network_ms)} | ${r.runs} |`,
      ),
    );
  }
  const dt = result.references?.decision;
  if (dt) {
    const torch = (v) => (v == null ? "not in eval.json" : `${fmt(v)} ms`);
    lines.push(
      "",
      `## Decision time at ${dt.nodes} nodes`,
      "",
      `One decision on ${dt.states} mid-episode ${dt.nodes}-node networks (greedy warm-up at load ${LOAD}), in this process, on one core.`,
      `The planner as /simulate runs it: the task's outcome, then the sampled look-ahead (6 candidates x 8 futures x 10 arrivals).`,
      `${dt.model} as /predict decides without HTTP: features and route tree from the request, packing, \`session.run\`, argmax.`,
      "PyTorch: the same policies' mean decision time at this size in models/reports/eval.json (one network at a time).",
      "",
      "| policy | served (TypeScript / onnxruntime-node) | PyTorch (evaluation) |",
      "|---|---:|---:|",
      `| planner | ${fmt(dt.planner_ms)} ms | ${torch(dt.planner_torch_ms)} |`,
      `| ${dt.model} | ${fmt(dt.model_ms)} ms | ${torch(dt.model_torch_ms)} |`,
      `| planner / ${dt.model} | ${dt.ratio.toFixed(1)}x | ${dt.planner_torch_ms != null && dt.model_torch_ms != null ? `${(dt.planner_torch_ms / dt.model_torch_ms).toFixed(1)}x` : "-"} |`,
    );
  }
  if (result.quality?.length > 0) {
    lines.push(
      "",
      "## Quality beside the cost",
      "",
      "From models/reports/eval.json (200 held-out episodes per cell; docs/model-card.md): what each model's compute buys.",
      "Normalised score: greedy = 0, planner = 1, at the training size (20 nodes); cells: sizes x loads where the paired",
      "95% interval of (model - greedy) is above 0.",
      "",
      "| model | normalised score, 20 nodes, load 0.4 / 0.7 / 0.9 | cells better than greedy |",
      "|---|---|---:|",
      ...result.quality.map((q) => `| ${q.model} | ${q.scores_20.map((v) => fmt(v)).join(" / ")} | ${q.better} of ${q.cells} |`),
    );
  }
  lines.push("", `Raw numbers: ${process.env.BENCH_OUT_DIR ? "benchmarks.json" : "docs/benchmarks.json"}.`, "");
  return lines.join("\n");
}

/** Each benchmarked model's measured quality, so a faster model that plays worse cannot pass unnoticed. */
function quality(models) {
  const path = join(REPO, "models", "reports", "eval.json");
  if (!existsSync(path)) return [];
  const rows = JSON.parse(readFileSync(path, "utf8")).results;
  return models.map((model) => {
    const own = rows.filter((r) => r.policy === model);
    return {
      model,
      scores_20: own.filter((r) => r.num_nodes === 20).sort((a, b) => a.load - b.load).map((r) => r.normalized_score),
      better: own.filter((r) => r.diff_vs_greedy[1] > 0).length,
      cells: own.length,
    };
  });
}

/**
 * An Open Inference Protocol infer request with binary tensor data, in and out (docs/api.md): the
 * networks packed by the API's own code, fed as the model declares its inputs (GET /v2/models/{name}).
 */
async function oipBinaryRequest(url, model, d, items) {
  const meta = await (await fetch(`${url}/v2/models/${model}`)).json();
  const n = Math.max(...items.map((it) => it.network_state.nodes.length));
  const feeds = d.feedsFor(
    meta.inputs.map((i) => i.name),
    d.packGroup(items.map((it) => d.prepareNetwork(it.network_state, it.task, it.load)), n),
  );
  const blobs = [];
  const inputs = meta.inputs.map(({ name, datatype }) => {
    const t = feeds[name];
    blobs.push(Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength));
    return { name, datatype, shape: t.dims, parameters: { binary_data_size: t.data.byteLength } };
  });
  const header = Buffer.from(JSON.stringify({ inputs, parameters: { binary_data_output: true } }));
  return {
    raw: Buffer.concat([header, ...blobs]),
    headers: { "content-type": "application/octet-stream", "inference-header-content-length": String(header.length) },
  };
}

/**
 * The HTTP scenarios of one server: for every model /predict at 20 nodes and the batch, plus 200 and 10,000 nodes and the batch
 * over the Open Inference Protocol with binary tensors for the default model when `full`.
 */
async function serviceScenarios(url, data, models, workers, full) {
  const rows = [];
  const suffix = workers > 1 ? `, ${workers} workers` : "";
  for (const model of models) {
    rows.push(await scenario(url, `${model} /predict 20 nodes${suffix}`, "/predict", { ...data.net20, model_type: model }, CONNECTIONS, 1, workers));
    if (full && model === DEFAULT_MODEL) {
      rows.push(await scenario(url, `${model} /predict 200 nodes${suffix}`, "/predict", { ...data.net200, model_type: model }, CONNECTIONS, 1, workers));
      rows.push(
        await scenario(
          url,
          `${model} /predict 10,000 nodes${suffix}`,
          "/predict",
          { network_state: data.large, task: { source: 0 }, load: LOAD, model_type: model },
          LARGE_CONNECTIONS,
          1,
          workers,
        ),
      );
    }
    rows.push(
      await scenario(
        url,
        `${model} /batch-predict ${BATCH_SIZE} x 20 nodes${suffix}`,
        "/batch-predict",
        { network_states: data.batch.map((b) => b.network_state), tasks: data.batch.map((b) => b.task), loads: data.batch.map((b) => b.load), model_type: model },
        BATCH_CONNECTIONS,
        BATCH_SIZE,
        workers,
      ),
    );
    if (full && model === DEFAULT_MODEL) {
      rows.push(
        await scenario(
          url,
          `${model} OIP v2 binary infer ${BATCH_SIZE} x 20 nodes${suffix}`,
          `/v2/models/${model}/infer`,
          await oipBinaryRequest(url, model, await dist(), data.batch),
          BATCH_CONNECTIONS,
          BATCH_SIZE,
          workers,
        ),
      );
    }
  }
  return rows;
}

/**
 * Short alternating runs of the same /predict on each target: other work on the machine then weighs
 * on every target alike, so their ratios hold better than those of runs minutes apart.
 */
async function pairedRounds(targets, body) {
  const payload = JSON.stringify(body);
  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    const round = {};
    for (const t of targets) {
      await cannon({ url: `${t.url}/predict`, body: payload, connections: CONNECTIONS, duration: 1 });
      const r = await cannon({ url: `${t.url}/predict`, body: payload, connections: CONNECTIONS, duration: ROUND_SECONDS });
      round[t.name] = { requests_per_s: Math.round(r.requests.average), errors: r.errors + r.timeouts + r.non2xx };
    }
    console.log(`round ${i + 1}: ${targets.map((t) => `${t.name} ${round[t.name].requests_per_s} req/s`).join(", ")}`);
    rounds.push(round);
  }
  return rounds;
}

async function http() {
  const external = process.env.BENCH_URL?.replace(/\/$/, "");
  if (external) assertLoopback(external);
  const servers = [];
  const results = [];
  try {
    const one = external ? { url: external, stop: async () => undefined } : await startServer({ WORKERS: "1" });
    servers.push(one);
    if (!(await waitAllReady(one.url, 1))) throw new Error(`${one.url}/ready did not answer 200 (are models in models/repository?)`);
    const health = await (await fetch(`${one.url}/health`)).json();
    const loaded = process.env.BENCH_MODELS ? process.env.BENCH_MODELS.split(",") : health.loaded_models;
    const wanted = [...loaded].sort((a, b) => (a === DEFAULT_MODEL ? -1 : b === DEFAULT_MODEL ? 1 : a.localeCompare(b)));
    const request = async (n, seed) => {
      const g = await post(one.url, "/networks/generate", { num_nodes: n, seed, load: LOAD });
      return { network_state: g.network_state, task: g.task, load: g.load };
    };
    const data = { net20: await request(20, 1), net200: await request(200, 1), batch: [], large: joinedNetwork(await dist()) };
    for (let i = 0; i < BATCH_SIZE; i++) data.batch.push(await request(20, 1000 + i));
    const single = { ...data.net20, model_type: DEFAULT_MODEL };
    const answer = await post(one.url, "/predict", single);

    console.log(`benchmarking ${one.url} (${DURATION} s per scenario), 1 worker, models: ${wanted.join(", ")}`);
    results.push(...(await serviceScenarios(one.url, data, wanted, 1, true)));

    console.log("floor: bare Hono app, the same /predict body and a same-size answer");
    const floorServer = await startFloor(answer);
    servers.push(floorServer);
    const floor = await scenario(floorServer.url, "floor: bare Hono /predict 20 nodes", "/predict", single, CONNECTIONS, 1, 1);
    const targets = [
      { name: "floor", url: floorServer.url },
      { name: "service", url: one.url },
    ];

    if (!external && WORKERS > 1) {
      const many = await startServer({ WORKERS: String(WORKERS) });
      servers.push(many);
      if (!(await waitAllReady(many.url, WORKERS))) throw new Error(`${many.url}: not every worker became ready`);
      console.log(`benchmarking ${many.url}, ${WORKERS} workers`);
      results.push(...(await serviceScenarios(many.url, data, [DEFAULT_MODEL], WORKERS, false)));
      targets.push({ name: "cluster", url: many.url });
    }
    console.log(`paired rounds: ${ROUNDS} x ${ROUND_SECONDS} s of ${DEFAULT_MODEL} /predict 20 nodes on each of ${targets.map((t) => t.name).join(", ")}`);
    const rounds = await pairedRounds(targets, single);
    return {
      results,
      floor,
      rounds,
      version: health.version,
      server: external
        ? `external ${external}`
        : `api/dist/server.js spawned by the bench with the default settings${process.env.BENCH_SERVER_ENV ? ` plus ${process.env.BENCH_SERVER_ENV}` : ""} (LOG_LEVEL=${process.env.LOG_LEVEL ?? "info"}), WORKERS=1 and WORKERS=${WORKERS}`,
    };
  } finally {
    for (const s of servers.reverse()) await s.stop();
  }
}

/** The service as a fraction of its references, and the cluster's gain. */
function references(web, computeRows, decision) {
  const row = (name) => web.results.find((r) => r.scenario === name);
  const batch = row(`${DEFAULT_MODEL} /batch-predict ${BATCH_SIZE} x 20 nodes`);
  const batchN = row(`${DEFAULT_MODEL} /batch-predict ${BATCH_SIZE} x 20 nodes, ${WORKERS} workers`);
  const oip = row(`${DEFAULT_MODEL} OIP v2 binary infer ${BATCH_SIZE} x 20 nodes`);
  const compute = computeRows.find((r) => r.model === DEFAULT_MODEL && r.case === `20 nodes, batch ${BATCH_SIZE}`);
  const out = decision ? { decision: { ...decision, target: "ratio >= 100" } } : {};
  const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  const rounds = web.rounds ?? [];
  if (rounds.length > 0) {
    out.predict_vs_floor = {
      rounds: rounds.map((r) => ({ service_rps: r.service.requests_per_s, floor_rps: r.floor.requests_per_s })),
      fraction: median(rounds.map((r) => r.service.requests_per_s / r.floor.requests_per_s)),
      target: ">= 0.70",
    };
  }
  /** An HTTP row's time per network against bare session.run at the same batch. */
  const perNetwork = (r) => {
    const serviceMs = 1000 / r.networks_per_s;
    return {
      service_ms_per_network: serviceMs,
      compute_ms_per_network: compute.per_network_ms,
      cost_ratio: serviceMs / compute.per_network_ms,
      fraction: compute.per_network_ms / serviceMs,
    };
  };
  if (batch && compute) out.batch_vs_compute = { ...perNetwork(batch), target: "cost_ratio <= 2" };
  out.compute_targets = COMPUTE_TARGETS.flatMap((t) => {
    const r = computeRows.find((x) => x.model === DEFAULT_MODEL && x.case === t.case);
    return r ? [{ ...t, model: DEFAULT_MODEL, ms_per_network: r.per_network_ms, met: r.per_network_ms <= t.max_ms_per_network }] : [];
  });
  if (oip && compute) out.oip_batch_vs_compute = perNetwork(oip);
  if (rounds.length > 0 && rounds[0].cluster) {
    out.workers = {
      workers: WORKERS,
      rounds: rounds.map((r) => ({ predict_rps_1: r.service.requests_per_s, predict_rps_n: r.cluster.requests_per_s })),
      predict_gain: median(rounds.map((r) => r.cluster.requests_per_s / r.service.requests_per_s)),
    };
    if (batch && batchN) {
      Object.assign(out.workers, { batch_nps_1: batch.networks_per_s, batch_nps_n: batchN.networks_per_s, batch_gain: batchN.networks_per_s / batch.networks_per_s });
    }
  }
  return out;
}

async function main() {
  const host = machine();
  const web = COMPUTE_ONLY ? { results: [], server: null, version: null } : await http();
  const computeRows = await compute();
  const decision = await decisionTimes();
  const refs = references(web, computeRows, decision);
  const result = {
    date: new Date().toISOString(),
    machine: host,
    server: web.server,
    version: web.version,
    duration_s: DURATION,
    results: web.results,
    floor: web.floor ?? null,
    rounds: web.rounds ?? [],
    references: refs,
    compute: computeRows,
    quality: quality(COMPUTE_MODELS),
  };
  mkdirSync(DOCS, { recursive: true });
  writeFileSync(join(DOCS, "benchmarks.json"), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(DOCS, "benchmarks.md"), markdown(result));
  console.log(`wrote ${join(DOCS, "benchmarks.json")} and benchmarks.md`);
  for (const line of summaryLines(refs)) console.log(line);
  const roundErrors = (web.rounds ?? []).flatMap((r) => Object.entries(r).filter(([, v]) => v.errors > 0).map(([k]) => ({ scenario: `paired round on ${k}` })));
  const failed = [...[...web.results, ...(web.floor ? [web.floor] : [])].filter((r) => r.errors > 0), ...roundErrors];
  if (failed.length > 0) {
    console.error(`errors in: ${failed.map((r) => r.scenario).join(", ")}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
