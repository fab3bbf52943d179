#!/usr/bin/env node
/**
 * Measures the resident memory (RSS) of the built API under load, the numbers the Kubernetes
 * resource requests and limits in deploy/k8s are taken from (docs/deploy.md quotes them).
 *
 *   npm run build -w api && npm run build -w dashboard && npm run measure-rss -w deploy
 *
 * Starts `node api/dist/server.js` on 127.0.0.1 with PORT=0 and the API pod's environment (the
 * ConfigMap's keys and the Deployment's container env: one worker, the request limits), reads RSS
 * from /proc/<pid>/status (VmRSS now, VmHWM the peak) while autocannon drives /predict and
 * /batch-predict up to the largest batch the limits allow, and prints one line per phase plus the
 * peak. Then the same for the built dashboard (`next start`): its pages and its /api proxy.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { join } from "node:path";
import autocannon from "autocannon";
import { parse, parseAllDocuments } from "yaml";
import { startApi } from "../test/helpers/api-process.js";
import { REPO_ROOT } from "../test/helpers/repo.js";

const seconds = Number(process.env.MEASURE_SECONDS ?? 10);

/** The API container's environment in deploy/k8s/base: its ConfigMap's data, then the Deployment's own env. */
function podEnv() {
  const base = join(REPO_ROOT, "deploy", "k8s", "base");
  const { data } = parse(readFileSync(join(base, "api-configmap.yaml"), "utf8"));
  const deployment = parseAllDocuments(readFileSync(join(base, "api-deployment.yaml"), "utf8")).map((d) => d.toJS())[0];
  const container = deployment.spec.template.spec.containers[0];
  const env = { ...data, ...Object.fromEntries((container.env ?? []).filter((e) => "value" in e).map((e) => [e.name, e.value])) };
  // the machine's own address and port, and the image's files (MODELS_DIR, EVAL_PATH are not set there)
  delete env.HOST;
  delete env.PORT;
  return env;
}

/** pid and its descendants (cluster workers, Next.js helpers), from /proc/<pid>/task/<tid>/children. */
function processTree(pid) {
  let children;
  try {
    children = readdirSync(`/proc/${pid}/task`).flatMap((tid) =>
      readFileSync(`/proc/${pid}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number),
    );
  } catch {
    return []; // exited since it was listed
  }
  return [pid, ...children.flatMap((c) => processTree(c))];
}

/** RSS of the process tree now, and the sum of each process's own peak (an upper bound of the tree's peak). */
function memory(pid) {
  if (!existsSync(`/proc/${pid}`)) throw new Error(`process ${pid} is gone`);
  let rss = 0;
  let peak = 0;
  for (const p of processTree(pid)) {
    let status;
    try {
      status = readFileSync(`/proc/${p}/status`, "utf8");
    } catch {
      continue; // exited since it was listed
    }
    const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? 0);
    rss += kb("VmRSS");
    peak += kb("VmHWM");
  }
  return { rssMiB: rss / 1024, peakMiB: peak / 1024 };
}

async function post(base, path, body) {
  const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function load(base, pid, name, { path, body, connections, method = "POST" }) {
  let max = 0;
  const sampler = setInterval(() => (max = Math.max(max, memory(pid).rssMiB)), 100);
  const result = await autocannon({
    url: `${base}${path}`,
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    connections,
    duration: seconds,
  });
  clearInterval(sampler);
  const errors = result.errors + result.non2xx;
  console.log(
    `${name.padEnd(34)} c=${String(connections).padEnd(3)} ${Math.round(result.requests.average)} req/s, ${errors} errors, max RSS ${max.toFixed(0)} MiB`,
  );
  if (errors > 0) throw new Error(`${name}: ${errors} failed requests`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on("error", reject);
  });
}

/** The built dashboard (next start, as the image runs it) in front of the API at apiBase. */
async function measureDashboard(apiBase) {
  const dir = join(REPO_ROOT, "dashboard");
  if (!existsSync(join(dir, ".next", "BUILD_ID"))) {
    console.log("dashboard: not built (npm run build -w dashboard), not measured");
    return;
  }
  const port = await freePort();
  const next = spawn(process.execPath, ["../node_modules/next/dist/bin/next", "start", "--hostname", "127.0.0.1", "--port", String(port)], {
    cwd: dir,
    env: { ...process.env, API_URL: apiBase, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
    stdio: "ignore",
  });
  const base = `http://127.0.0.1:${port}`;
  try {
    while ((await fetch(base).then((r) => r.status, () => 0)) !== 200) await new Promise((r) => setTimeout(r, 200));
    console.log(`${"dashboard after start".padEnd(34)} RSS ${memory(next.pid).rssMiB.toFixed(0)} MiB`);
    for (const page of ["/", "/analytics", "/models", "/predict"]) {
      await load(base, next.pid, `dashboard GET ${page}`, { path: page, method: "GET", connections: 8 });
    }
    await load(base, next.pid, "dashboard GET /api/stats (proxy)", { path: "/api/stats", method: "GET", connections: 8 });
    const after = memory(next.pid);
    console.log(`${"dashboard after load".padEnd(34)} RSS ${after.rssMiB.toFixed(0)} MiB, peak (VmHWM) ${after.peakMiB.toFixed(0)} MiB`);
  } finally {
    const exited = new Promise((r) => next.once("exit", r));
    next.kill("SIGTERM");
    await exited;
  }
}

const env = podEnv();
const api = await startApi({ cwd: join(REPO_ROOT, "api"), command: ["node", "dist/server.js"], env });
try {
  await api.ready();
  console.log(`node ${process.version}, API pid ${api.pid} on ${api.base}, WORKERS=${env.WORKERS}, MAX_BATCH_NODES=${env.MAX_BATCH_NODES}`);
  console.log(`${"after start (models loaded, idle)".padEnd(34)} RSS ${memory(api.pid).rssMiB.toFixed(0)} MiB`);
  const small = await post(api.base, "/networks/generate", { num_nodes: 20, seed: 7, load: 0.7 });
  const large = await post(api.base, "/networks/generate", { num_nodes: 1000, seed: 7, load: 0.7, warmup_tasks: 0 });
  const batch = { network_states: Array.from({ length: 64 }, () => small.network_state), model_type: "hybrid" };
  await load(api.base, api.pid, "/predict 20 nodes", { path: "/predict", body: { network_state: small.network_state, task: small.task, load: small.load }, connections: 16 });
  await load(api.base, api.pid, "/batch-predict 64 x 20 nodes", { path: "/batch-predict", body: batch, connections: 4 });
  // the largest batch of these networks: MAX_BATCH_NODES nodes in total, at most MAX_BATCH networks
  const most = Math.min(Number(env.MAX_BATCH), Math.floor(Number(env.MAX_BATCH_NODES) / small.network_state.nodes.length));
  const maxBatch = { network_states: Array.from({ length: most }, () => small.network_state), model_type: "hybrid" };
  await load(api.base, api.pid, `/batch-predict ${most} x 20 nodes`, { path: "/batch-predict", body: maxBatch, connections: 2 });
  await load(api.base, api.pid, "/predict 1000 nodes", { path: "/predict", body: { network_state: large.network_state }, connections: 4 });
  const after = memory(api.pid);
  console.log(`${"after load".padEnd(34)} RSS ${after.rssMiB.toFixed(0)} MiB, peak (VmHWM) ${after.peakMiB.toFixed(0)} MiB`);
  await measureDashboard(api.base);
} catch (e) {
  console.error(api.logs.slice(-20).join("\n"));
  throw e;
} finally {
  await api.stop();
}
