#!/usr/bin/env node
/**
 * Soak test (npm run soak; not in CI): starts the built server on a free 127.0.0.1 port with its
 * default settings (WORKERS = one per core), warms it up, then drives SOAK_DURATION s (default 60) of
 * mixed traffic at SOAK_CONNECTIONS (default 100) with autocannon. Reports the errors (connection
 * errors, timeouts, non-2xx answers), the p99 latency of every 10 s window, and the server's RSS
 * (primary and workers, from /proc) at the start and end of the run. Exits 1 on any error.
 *
 * Traffic, per connection in turn: /predict 20 nodes (hybrid, 6 of 14), /predict 200 nodes (dqn),
 * /batch-predict 16 x 20 nodes, /compare, /networks/generate 50 nodes, /health, /ready, /stats,
 * /metrics, GET /models.
 *
 * Env: SOAK_DURATION, SOAK_CONNECTIONS, SOAK_WARMUP (s, default 5), SOAK_SERVER_ENV (extra env for
 * the server, "K=V,K=V"), LOG_LEVEL (the server's, default info).
 */
import { readFileSync } from "node:fs";
import { request } from "node:http";
import autocannon from "autocannon";
import { startServer } from "./server.mjs";

const DURATION = Number(process.env.SOAK_DURATION ?? 60);
const CONNECTIONS = Number(process.env.SOAK_CONNECTIONS ?? 100);
const WARMUP = Number(process.env.SOAK_WARMUP ?? 5);
const WINDOW_S = 10;

function rssMb(pid) {
  let kb = 0;
  const visit = (p) => {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      kb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const child of readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) visit(Number(child));
    } catch {
      /* gone */
    }
  };
  visit(pid);
  return Math.round(kb / 1024);
}

function getFresh(url) {
  return new Promise((resolve) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", () => resolve(0));
    req.end();
  });
}

async function post(url, path, body) {
  const r = await fetch(`${url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`${path} -> ${r.status}: ${(await r.text()).slice(0, 300)}`);
  return r.json();
}

function run(opts, onResponse) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(opts, (err, res) => (err ? reject(err) : resolve(res)));
    if (onResponse) instance.on("response", onResponse);
  });
}

async function main() {
  for (const sig of ["SIGINT", "SIGTERM"]) process.once(sig, () => process.exit(130));
  const { url, child, stop } = await startServer({}, "SOAK_SERVER_ENV");
  try {
    // Every worker ready: 10 new connections in a row answer /ready 200.
    const end = Date.now() + 60_000;
    for (let streak = 0; streak < 10; ) {
      if (Date.now() > end) throw new Error(`${url}/ready did not answer 200`);
      const status = await getFresh(`${url}/ready`);
      streak = status === 200 ? streak + 1 : 0;
      if (status !== 200) await new Promise((r) => setTimeout(r, 200));
    }
    const gen = async (n, seed) => {
      const g = await post(url, "/networks/generate", { num_nodes: n, seed, load: 0.7 });
      return { network_state: g.network_state, task: g.task, load: g.load };
    };
    const n20 = await gen(20, 1);
    const n200 = await gen(200, 2);
    const batch = [];
    for (let i = 0; i < 16; i++) batch.push(await gen(20, 100 + i));
    const json = (path, body) => ({ method: "POST", path, headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const predict20 = json("/predict", { ...n20, model_type: "hybrid" });
    const requests = [
      predict20,
      { method: "GET", path: "/health" },
      predict20,
      json("/predict", { ...n200, model_type: "dqn" }),
      predict20,
      json("/batch-predict", { network_states: batch.map((b) => b.network_state), tasks: batch.map((b) => b.task), model_type: "hybrid" }),
      predict20,
      json("/compare", { network_state: n20.network_state, task: n20.task, load: n20.load }),
      predict20,
      json("/networks/generate", { num_nodes: 50, seed: 7, load: 0.5 }),
      predict20,
      { method: "GET", path: "/stats" },
      { method: "GET", path: "/metrics" },
      { method: "GET", path: "/models" },
    ];
    for (const r of requests) {
      const res = await fetch(`${url}${r.path}`, { method: r.method, headers: r.headers, body: r.body });
      if (!res.ok) throw new Error(`${r.method} ${r.path} -> ${res.status}: ${(await res.text()).slice(0, 300)}`);
      await res.arrayBuffer();
    }

    console.log(`soak: ${url}, ${CONNECTIONS} connections, ${WARMUP} s warm-up then ${DURATION} s of ${requests.length} mixed requests per connection round`);
    const readyRss = rssMb(child.pid);
    await run({ url, connections: CONNECTIONS, duration: WARMUP, requests });

    const windows = [];
    const rssSamples = [];
    const startRss = rssMb(child.pid);
    const t0 = performance.now();
    const windowOf = (t) => Math.min(Math.ceil(DURATION / WINDOW_S) - 1, Math.floor((t - t0) / 1000 / WINDOW_S));
    const window = (i) => (windows[i] ??= { latencies: [], non2xx: 0, rssMb: 0 });
    const sampler = setInterval(() => {
      const i = windowOf(performance.now());
      const rss = rssMb(child.pid);
      rssSamples.push(rss);
      window(i).rssMb = Math.max(window(i).rssMb, rss);
    }, 1000);
    const result = await run({ url, connections: CONNECTIONS, duration: DURATION, requests }, (_client, status, _bytes, ms) => {
      const w = window(windowOf(performance.now()));
      w.latencies.push(ms);
      if (status < 200 || status >= 300) w.non2xx++;
    });
    clearInterval(sampler);
    const endRss = rssMb(child.pid);

    console.log("");
    console.log("window      requests   non-2xx   p50 ms   p99 ms   max ms   RSS MB (max)");
    windows.forEach((w, i) => {
      const sorted = Float64Array.from(w.latencies).sort();
      const q = (p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : 0);
      console.log(
        `${`${i * WINDOW_S}-${(i + 1) * WINDOW_S} s`.padEnd(10)} ${String(sorted.length).padStart(9)} ${String(w.non2xx).padStart(9)} ${q(0.5).toFixed(1).padStart(8)} ${q(0.99).toFixed(1).padStart(8)} ${(sorted.at(-1) ?? 0).toFixed(1).padStart(8)} ${String(w.rssMb).padStart(14)}`,
      );
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log("");
    console.log(`requests: ${result.requests.total} (${Math.round(result.requests.average)}/s), p99 ${result.latency.p99} ms over the run`);
    console.log(`errors: ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`);
    console.log(
      `RSS (server, all processes): ${readyRss} MB when ready, ${startRss} MB after the warm-up, ${endRss} MB at the end: growth ${endRss - startRss} MB over ${DURATION} s (max ${Math.max(...rssSamples, endRss)} MB)`,
    );
    if (errors > 0) process.exitCode = 1;
  } finally {
    await stop();
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
