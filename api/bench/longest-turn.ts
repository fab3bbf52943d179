/**
 * The longest synchronous stretch (event-loop turn) while one request within the documented limits
 * is served, in wall time and in CPU time (process.cpuUsage: less sensitive to the process being
 * descheduled on a busy machine; it includes onnxruntime's threads). Run: cd api && npx tsx bench/longest-turn.ts
 */
import { makeApp } from "../test/helpers/app.js";
import { generateNetwork } from "../src/simulation/generator.js";
function big(n: number) { const nodes: any[] = [], edges: number[][] = []; for (let k = 0; k < n / 1000; k++) { const g = generateNetwork(1000, k); for (const [s, t] of g.edges as [number, number][]) edges.push([s + k * 1000, t + k * 1000]); nodes.push(...g.nodes); } return { nodes, edges }; }
function dense(net: any, e: number, obj: boolean) { const n = net.nodes.length; const edges = [...net.edges]; let i = 0; while (edges.length < e) { const s = i % n, t = (i * 7919 + 13) % n; if (s !== t) edges.push([s, t]); i++; } return { nodes: net.nodes, edges: obj ? edges.map(([s, t]: number[]) => ({ source: s, target: t, capacity_mbps: 12.3456789012345, backlog_ms: 1.23456789012345 })) : edges }; }
const { app } = await makeApp();
const net10k = dense(big(10000), 40000, true);
const cases: [string, string, string][] = [
  ["predict 20 nodes", "/predict", JSON.stringify({ network_state: generateNetwork(20, 1) })],
  ["predict 10k nodes, 40k edge objects", "/predict", JSON.stringify({ network_state: net10k })],
  ["compare 10k nodes, 40k edge objects", "/compare", JSON.stringify({ network_state: net10k })],
  ["batch 10 x 1000 nodes, 4000 edge objects each", "/batch-predict", JSON.stringify({ network_states: Array.from({ length: 10 }, (_, i) => dense(generateNetwork(1000, i), 4000, true)) })],
  ["batch 1024 x 9 nodes", "/batch-predict", JSON.stringify({ network_states: Array.from({ length: 1024 }, (_, i) => generateNetwork(9, i)) })],
  ["mock network 1000 nodes, 4000 edges", "/generate-mock-network", JSON.stringify({ num_nodes: 1000, num_edges: 4000, seed: 1 })],
  ["generate 1000 nodes, warm-up 2000", "/networks/generate", JSON.stringify({ num_nodes: 1000, seed: 2, warmup_tasks: 2000 })],
  ["generate 400 nodes, warm-up 5000", "/networks/generate", JSON.stringify({ num_nodes: 400, seed: 2, warmup_tasks: 5000 })],
  ["deep nesting, 10.4 MB", "/predict", "[".repeat(5_199_990) + "]".repeat(5_199_990)],
  ["empty arrays, 10.4 MB", "/predict", "[" + Array(3_466_000).fill("[]").join(",") + "]"],
];
async function measure(path: string, body: string) {
  let stop = false, maxWall = 0, maxCpu = 0;
  let lastT = performance.now(), lastC = process.cpuUsage();
  const tick = () => {
    const t = performance.now(), c = process.cpuUsage();
    maxWall = Math.max(maxWall, t - lastT); maxCpu = Math.max(maxCpu, (c.user + c.system - lastC.user - lastC.system) / 1000);
    lastT = t; lastC = c;
    if (!stop) setImmediate(tick);
  };
  setImmediate(tick);
  const t0 = performance.now();
  const r = await app.request(path, { method: "POST", headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) }, body });
  await r.arrayBuffer();
  const total = performance.now() - t0;
  stop = true;
  await new Promise((r) => setTimeout(r, 5));
  return { status: r.status, totalMs: Math.round(total), longestTurnWallMs: Math.round(maxWall), longestTurnCpuMs: Math.round(maxCpu) };
}
for (const [name, path, body] of cases) {
  await measure(path, body); // warm
  const runs = [await measure(path, body), await measure(path, body), await measure(path, body)];
  const best = runs.reduce((a, b) => (b.longestTurnCpuMs < a.longestTurnCpuMs ? b : a));
  console.log(`${name} (${(body.length / 1e6).toFixed(2)} MB): ${JSON.stringify(best)}`);
}
process.exit(0);
