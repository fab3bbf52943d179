#!/usr/bin/env node
/**
 * Load test (npm run bench -w api): autocannon against 127.0.0.1 only.
 *
 * Starts the built server (api/dist/server.js) on a free 127.0.0.1 port, or targets BENCH_URL if it
 * is set (it must be a loopback address). For every loaded model: single /predict at 20 and 200
 * nodes, and /batch-predict of 256 networks of 20 nodes. Writes docs/benchmarks.json and
 * docs/benchmarks.md (requests/s, latency p50/p99, networks/s, errors, the machine).
 *
 * Env: BENCH_URL, BENCH_DURATION (s per scenario, default 10), BENCH_CONNECTIONS (single, default 32),
 * BENCH_BATCH_CONNECTIONS (default 4), BENCH_MODELS (comma list, default every loaded model),
 * BENCH_SERVER_ENV (extra env for the spawned server, "K=V,K=V").
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import autocannon from "autocannon";

const API_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const REPO = join(API_DIR, "..");
const DOCS = join(REPO, "docs");
const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const BATCH_CONNECTIONS = Number(process.env.BENCH_BATCH_CONNECTIONS ?? 4);
const BATCH_SIZE = 256;

function assertLoopback(url) {
  const host = new URL(url).hostname;
  if (!(host === "localhost" || host === "[::1]" || host === "::1" || /^127\.\d+\.\d+\.\d+$/.test(host))) {
    throw new Error(`BENCH_URL must point at this machine (127.0.0.0/8, localhost or [::1]), got ${host}`);
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function startServer() {
  const entry = join(API_DIR, "dist", "server.js");
  if (!existsSync(entry)) throw new Error("api/dist/server.js is missing: run `npm run build -w api` first");
  const port = await freePort();
  const extra = Object.fromEntries(
    (process.env.BENCH_SERVER_ENV ?? "")
      .split(",")
      .filter(Boolean)
      .map((kv) => kv.split("=")),
  );
  const child = spawn(process.execPath, [entry], {
    cwd: API_DIR,
    env: { ...process.env, HOST: "127.0.0.1", PORT: String(port), ...extra },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise((resolve) => child.once("exit", resolve));
  // Never leave the server behind if the bench itself dies or is interrupted.
  process.once("exit", () => child.exitCode === null && child.kill("SIGTERM"));
  for (const sig of ["SIGINT", "SIGTERM", "SIGPIPE"]) process.once(sig, () => process.exit(130));
  return { url: `http://127.0.0.1:${port}`, stop: () => (child.kill("SIGTERM"), exited), child };
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

async function scenario(url, name, path, body, connections, networksPerRequest) {
  const payload = JSON.stringify(body);
  // Check the request once, then warm up, then measure.
  const check = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: payload });
  if (!check.ok) throw new Error(`${name}: ${check.status} ${(await check.text()).slice(0, 300)}`);
  await check.arrayBuffer();
  await cannon({ url: `${url}${path}`, body: payload, connections, duration: 2 });
  const r = await cannon({ url: `${url}${path}`, body: payload, connections, duration: DURATION });
  const errors = r.errors + r.timeouts + r.non2xx;
  const row = {
    scenario: name,
    path,
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
    `${name.padEnd(34)} ${String(row.requests_per_s).padStart(7)} req/s  ${String(row.networks_per_s).padStart(8)} net/s  p50 ${row.latency_p50_ms} ms  p99 ${row.latency_p99_ms} ms  errors ${errors}`,
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

export function markdown(result) {
  const m = result.machine;
  const lines = [
    "# Benchmarks",
    "",
    `Generated by \`npm run bench\` (api/bench/run.mjs) on ${result.date}. autocannon drives the API on 127.0.0.1 from the same machine,`,
    "so the load generator and the server share its cores. Each scenario: 2 s warm-up, then the measured run.",
    "",
    `- Machine: ${m.os}; ${m.cpu}; ${m.cores} cores; ${m.memory_gb} GB; Node ${m.node}`,
    `- Load average (1 min) before the run: ${m.load_average_1m} on ${m.cores} cores${m.load_average_1m > m.cores ? " — the machine was oversubscribed by other work, so these numbers understate the API" : ""}`,
    `- Server: ${result.server}`,
    `- Networks: generated by /networks/generate (the training distribution), seed 1; default task.`,
    "",
    "| scenario | connections | requests/s | networks/s | p50 ms | p99 ms | errors |",
    "|---|---:|---:|---:|---:|---:|---:|",
    ...result.results.map(
      (r) => `| ${r.scenario} | ${r.connections} | ${r.requests_per_s} | ${r.networks_per_s} | ${r.latency_p50_ms} | ${r.latency_p99_ms} | ${r.errors} |`,
    ),
    "",
    "Targets on this 2-core machine: at least 5,000 single predictions/s at 20 nodes with p99 under 20 ms, 50,000 networks/s",
    "through /batch-predict, zero errors. Raw numbers: docs/benchmarks.json.",
    "",
  ];
  return lines.join("\n");
}

async function main() {
  let server;
  let url = process.env.BENCH_URL;
  if (url) {
    assertLoopback(url);
    url = url.replace(/\/$/, "");
  } else {
    server = await startServer();
    url = server.url;
  }
  const host = machine();
  try {
    if (!(await waitReady(url))) throw new Error(`${url}/ready did not answer 200 (are models exported to models/onnx?)`);
    const health = await (await fetch(`${url}/health`)).json();
    const wanted = process.env.BENCH_MODELS ? process.env.BENCH_MODELS.split(",") : health.loaded_models;
    const net20 = (await post(url, "/networks/generate", { num_nodes: 20, seed: 1 })).network_state;
    const net200 = (await post(url, "/networks/generate", { num_nodes: 200, seed: 1 })).network_state;
    const batch = [];
    for (let i = 0; i < BATCH_SIZE; i++) batch.push((await post(url, "/networks/generate", { num_nodes: 20, seed: 1000 + i })).network_state);

    console.log(`benchmarking ${url} (${DURATION} s per scenario), models: ${wanted.join(", ")}`);
    const results = [];
    for (const model of wanted) {
      results.push(await scenario(url, `${model} /predict 20 nodes`, "/predict", { network_state: net20, model_type: model }, CONNECTIONS, 1));
      results.push(await scenario(url, `${model} /predict 200 nodes`, "/predict", { network_state: net200, model_type: model }, CONNECTIONS, 1));
      results.push(
        await scenario(url, `${model} /batch-predict 256 x 20 nodes`, "/batch-predict", { network_states: batch, model_type: model }, BATCH_CONNECTIONS, BATCH_SIZE),
      );
    }
    const result = {
      date: new Date().toISOString(),
      machine: host,
      server: server
        ? `api/dist/server.js spawned by the bench with the default settings${process.env.BENCH_SERVER_ENV ? ` plus ${process.env.BENCH_SERVER_ENV}` : ""} (LOG_LEVEL=${process.env.LOG_LEVEL ?? "info"})`
        : `external ${url}`,
      version: health.version,
      duration_s: DURATION,
      results,
    };
    mkdirSync(DOCS, { recursive: true });
    writeFileSync(join(DOCS, "benchmarks.json"), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(DOCS, "benchmarks.md"), markdown(result));
    console.log("wrote docs/benchmarks.json and docs/benchmarks.md");
    const failed = results.filter((r) => r.errors > 0);
    if (failed.length > 0) {
      console.error(`errors in: ${failed.map((r) => r.scenario).join(", ")}`);
      process.exitCode = 1;
    }
  } finally {
    if (server) await server.stop();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
