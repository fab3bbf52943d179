/**
 * Immediate placement cost of one task on every node: a mirror of models/edgesim/observation.py
 * `placement()`, float64, same operations in the same order. cost = -reward; `valid` is the mask.
 */
import { buildCsr, hopShortestPaths, type Csr } from "./graph.js";
import * as spec from "./spec.js";
import type { NetworkState, Task } from "./types.js";

export interface Placement {
  n: number;
  txMs: Float64Array;
  procMs: Float64Array;
  waitMs: Float64Array;
  latencyMs: Float64Array;
  energyJ: Float64Array;
  computeJ: Float64Array;
  deadlineMet: Uint8Array;
  balance: Float64Array;
  reward: Float64Array;
  cost: Float64Array;
  valid: Uint8Array;
  validCount: number;
}

/** Transmission time [N] from the task source along the cheapest path (Infinity where unreachable). */
export function transmissionMs(net: NetworkState, task: Task, csr: Csr = buildCsr(net.nodes.length, net.edges)): Float64Array {
  const nodes = net.nodes;
  const n = nodes.length;
  const lat = new Float64Array(n);
  const bw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    lat[i] = nodes[i]!.latency;
    bw[i] = nodes[i]!.bandwidth;
  }
  return hopShortestPaths(csr, task.source, lat, bw, 8 * task.data_kb);
}

export function placement(net: NetworkState, task: Task, csr?: Csr): Placement {
  const nodes = net.nodes;
  const n = nodes.length;
  const tx = transmissionMs(net, task, csr);
  const procMs = new Float64Array(n);
  const waitMs = new Float64Array(n);
  const latencyMs = new Float64Array(n);
  const energyJ = new Float64Array(n);
  const computeJ = new Float64Array(n);
  const deadlineMet = new Uint8Array(n);
  const balance = new Float64Array(n);
  const reward = new Float64Array(n);
  const cost = new Float64Array(n);
  const valid = new Uint8Array(n);

  let sumCpu = 0;
  let sumCpu2 = 0;
  for (let i = 0; i < n; i++) {
    const c = nodes[i]!.cpu_util;
    sumCpu += c;
    sumCpu2 += c * c;
  }
  const count = n;
  let validCount = 0;
  for (let i = 0; i < n; i++) {
    const nd = nodes[i]!;
    const t = nd.node_type as spec.NodeType;
    const ghz = spec.CPU_GHZ[t];
    const cpu = nd.cpu_util;
    const proc = task.cpu_mcycles / (ghz * Math.max(1 - cpu, spec.MIN_FREE_CPU));
    const wait = nd.queue_len * proc;
    const latency = tx[i]! + wait + proc;
    const compute = task.cpu_mcycles * spec.ENERGY_PER_MCYCLE_J[t];
    const energy = compute + (spec.RADIO_POWER_W * tx[i]!) / 1000;
    const met = latency <= task.deadline_ms;

    const add = task.cpu_mcycles / (ghz * 1000);
    const aft = Math.min(cpu + add, 1.0);
    const s1 = sumCpu - cpu + aft;
    const s2 = sumCpu2 - cpu * cpu + aft * aft;
    const mean = s1 / count;
    const variance = Math.max(s2 / count - mean * mean, 0.0);
    const bal = 1 - 2 * Math.sqrt(variance);

    const r =
      spec.W_LATENCY * Math.min(latency / task.deadline_ms, spec.TERM_CAP) +
      spec.W_ENERGY * Math.min(energy / spec.ENERGY_REF_J, spec.TERM_CAP) +
      spec.W_QOS * (met ? 1 : 0) +
      spec.W_BALANCE * bal;
    const memAfter = nd.mem_util + task.mem_mb / (spec.MEM_GB[t] * 1024);
    const ok =
      Number.isFinite(tx[i]!) &&
      memAfter <= 1.0 &&
      cpu <= spec.MAX_CPU_UTIL &&
      nd.queue_len < spec.MAX_QUEUE_LEN &&
      nd.energy >= compute;

    procMs[i] = proc;
    waitMs[i] = wait;
    latencyMs[i] = latency;
    computeJ[i] = compute;
    energyJ[i] = energy;
    deadlineMet[i] = met ? 1 : 0;
    balance[i] = bal;
    reward[i] = r;
    cost[i] = -r;
    valid[i] = ok ? 1 : 0;
    if (ok) validCount++;
  }
  return { n, txMs: tx, procMs, waitMs, latencyMs, energyJ, computeJ, deadlineMet, balance, reward, cost, valid, validCount };
}
