/**
 * Fast path for request validation. zod stays the source of truth (OpenAPI document, error
 * messages): these hand-written checks accept only bodies the zod schema accepts, so a valid body
 * skips zod's generic walk, and anything doubtful falls back to zod, which then reports the issues.
 * Validating a 256-network batch this way costs a fraction of the full zod parse.
 */
import type { ZodType } from "zod";
import { MAX_EDGES_FACTOR, type Limits } from "./network.js";

type Check = (value: unknown) => boolean;

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const inRange = (v: unknown, lo: number, hi: number) => num(v) && v >= lo && v <= hi;
const MODEL_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

function nodeOk(n: unknown): boolean {
  if (!isObj(n)) return false;
  const t = n.node_type;
  return (
    inRange(n.cpu_util, 0, 1) &&
    inRange(n.mem_util, 0, 1) &&
    inRange(n.energy, 0, 1e9) &&
    inRange(n.latency, 0, 1e6) &&
    num(n.bandwidth) &&
    n.bandwidth > 0 &&
    n.bandwidth <= 1e7 &&
    inRange(n.queue_len, 0, 1e6) &&
    (t === 0 || t === 1 || t === 2)
  );
}

/** Node count of a valid network, or -1. */
export function networkOk(net: unknown, limits: Limits): number {
  if (!isObj(net)) return -1;
  const nodes = net.nodes;
  const edges = net.edges;
  if (!Array.isArray(nodes) || !Array.isArray(edges)) return -1;
  const n = nodes.length;
  if (n < 2 || n > limits.maxNodes || edges.length > limits.maxNodes * MAX_EDGES_FACTOR) return -1;
  for (let i = 0; i < n; i++) if (!nodeOk(nodes[i])) return -1;
  for (let i = 0; i < edges.length; i++) {
    const e = edges[i];
    if (!Array.isArray(e) || e.length !== 2) return -1;
    const s = e[0];
    const t = e[1];
    if (!Number.isInteger(s) || !Number.isInteger(t) || s < 0 || t < 0 || s >= n || t >= n || s === t) return -1;
  }
  return n;
}

export function taskOk(task: unknown, n: number): boolean {
  if (task === undefined) return true;
  if (!isObj(task)) return false;
  const { source, cpu_mcycles, mem_mb, data_kb, deadline_ms } = task;
  if (source !== undefined && !(Number.isInteger(source) && (source as number) >= 0 && (source as number) < n)) return false;
  if (cpu_mcycles !== undefined && !(num(cpu_mcycles) && cpu_mcycles > 0 && cpu_mcycles <= 1e7)) return false;
  if (mem_mb !== undefined && !inRange(mem_mb, 0, 1e7)) return false;
  if (data_kb !== undefined && !inRange(data_kb, 0, 1e9)) return false;
  if (deadline_ms !== undefined && !(num(deadline_ms) && deadline_ms > 0 && deadline_ms <= 1e9)) return false;
  return true;
}

const modelOk = (m: unknown) => m === undefined || (typeof m === "string" && MODEL_NAME.test(m));

export function predictBodyOk(limits: Limits): Check {
  return (b) => {
    if (!isObj(b) || !modelOk(b.model_type)) return false;
    const n = networkOk(b.network_state, limits);
    return n > 0 && taskOk(b.task, n);
  };
}

export function batchBodyOk(limits: Limits): Check {
  return (b) => {
    if (!isObj(b) || !modelOk(b.model_type)) return false;
    const nets = b.network_states;
    if (!Array.isArray(nets) || nets.length < 1 || nets.length > limits.maxBatch) return false;
    const tasks = b.tasks;
    if (tasks !== undefined && (!Array.isArray(tasks) || tasks.length !== nets.length)) return false;
    for (let i = 0; i < nets.length; i++) {
      const n = networkOk(nets[i], limits);
      if (n < 0) return false;
      if (tasks && !isObj(tasks[i])) return false;
      if (!taskOk(tasks ? tasks[i] : b.task, n)) return false;
    }
    // `task` must be valid on its own even when `tasks` overrides it.
    return tasks === undefined || b.task === undefined || taskOk(b.task, Infinity);
  };
}

/**
 * Let `schema` accept bodies that pass `check` without running zod. The returned data is the body
 * itself (unknown keys kept; handlers only read known ones). Other bodies go through zod as usual.
 */
export function withFastPath<T extends ZodType>(schema: T, check: Check): T {
  const slow = schema.safeParseAsync.bind(schema);
  Object.defineProperty(schema, "safeParseAsync", {
    value: (value: unknown, params?: unknown) =>
      check(value) ? Promise.resolve({ success: true, data: value }) : slow(value, params as never),
    configurable: true,
    writable: true,
  });
  return schema;
}
