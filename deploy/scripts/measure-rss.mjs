#!/usr/bin/env node
/**
 * Measures the resident memory (RSS) of the built API under load, the numbers the Kubernetes
 * resource requests and limits in deploy/k8s are taken from (docs/deploy.md quotes them).
 *
 *   npm run build -w api && npm run measure-rss -w deploy
 *
 * Starts `node api/dist/server.js` on 127.0.0.1 with PORT=0, reads RSS from /proc/<pid>/status
 * (VmRSS now, VmHWM the peak) while autocannon drives /predict, /batch-predict and maximum-size
 * /predict bodies, and prints one line per phase plus the peak.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import autocannon from "autocannon";
import { startApi } from "../test/helpers/api-process.js";
import { REPO_ROOT } from "../test/helpers/repo.js";

const seconds = Number(process.env.MEASURE_SECONDS ?? 10);

function memory(pid) {
  if (!existsSync(`/proc/${pid}`)) throw new Error(`API process ${pid} is gone`);
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)[1]);
  return { rssMiB: kb("VmRSS") / 1024, peakMiB: kb("VmHWM") / 1024 };
}

async function post(base, path, body) {
  const res = await fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function load(base, pid, name, { path, body, connections }) {
  let max = 0;
  const sampler = setInterval(() => (max = Math.max(max, memory(pid).rssMiB)), 100);
  const result = await autocannon({
    url: `${base}${path}`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
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

const api = await startApi({ cwd: join(REPO_ROOT, "api"), command: ["node", "dist/server.js"] });
try {
  await api.ready();
  console.log(`node ${process.version}, API pid ${api.pid} on ${api.base}`);
  console.log(`${"after start (models loaded, idle)".padEnd(34)} RSS ${memory(api.pid).rssMiB.toFixed(0)} MiB`);
  const small = await post(api.base, "/networks/generate", { num_nodes: 20, seed: 7, load: 0.7 });
  const large = await post(api.base, "/networks/generate", { num_nodes: 1000, seed: 7, load: 0.7, warmup_tasks: 0 });
  const batch = { network_states: Array.from({ length: 64 }, () => small.network_state), model_type: "hybrid" };
  await load(api.base, api.pid, "/predict 20 nodes", { path: "/predict", body: { network_state: small.network_state, task: small.task, load: small.load }, connections: 16 });
  await load(api.base, api.pid, "/batch-predict 64 x 20 nodes", { path: "/batch-predict", body: batch, connections: 4 });
  const maxBatch = { network_states: Array.from({ length: 1024 }, () => small.network_state), model_type: "hybrid" };
  await load(api.base, api.pid, "/batch-predict 1024 x 20 nodes", { path: "/batch-predict", body: maxBatch, connections: 2 });
  await load(api.base, api.pid, "/predict 1000 nodes", { path: "/predict", body: { network_state: large.network_state }, connections: 4 });
  const after = memory(api.pid);
  console.log(`${"after load".padEnd(34)} RSS ${after.rssMiB.toFixed(0)} MiB, peak (VmHWM) ${after.peakMiB.toFixed(0)} MiB`);
} catch (e) {
  console.error(api.logs.slice(-20).join("\n"));
  throw e;
} finally {
  await api.stop();
}
