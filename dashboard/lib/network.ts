// Parsing and checking a network pasted by the user as JSON, before it is sent to the API.
// The API validates again; this only gives early, precise messages in the form.
import type { Edge, NetworkState, NodeState, Task } from "./types";

/** Fields every node must have. */
export const NODE_FIELDS = ["cpu_util", "mem_util", "energy", "latency", "bandwidth", "node_type"] as const;
/** Optional node state: queued tasks (read only without backlog_ms) and compute backlog in ms. */
export const OPTIONAL_NODE_FIELDS = ["queue_len", "backlog_ms"] as const;
/** Optional link state of an edge object. */
const EDGE_OBJECT_KEYS = ["source", "target", "capacity_mbps", "backlog_ms"];

export type ParseResult =
  | { ok: true; network: NetworkState; task?: Task; load?: number }
  | { ok: false; errors: string[] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

const MAX_ERRORS = 8;

/**
 * Accepts a /predict body ({network_state, task?}), a /networks/generate response
 * ({network_state, ...}) or a bare {nodes, edges}.
 */
export function parseNetworkJson(text: string): ParseResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, errors: [`Not valid JSON: ${(e as Error).message}`] };
  }
  if (!isObj(raw)) return { ok: false, errors: ["Expected a JSON object with network_state or nodes/edges."] };
  const state = isObj(raw.network_state) ? raw.network_state : raw;
  const errors: string[] = [];
  const push = (m: string) => {
    if (errors.length < MAX_ERRORS) errors.push(m);
  };
  if (!Array.isArray(state.nodes)) push("nodes must be an array.");
  if (!Array.isArray(state.edges)) push("edges must be an array of [source, target] pairs or {source, target, ...} objects.");
  if (errors.length) return { ok: false, errors };
  const nodesRaw = state.nodes as unknown[];
  const edgesRaw = state.edges as unknown[];
  if (nodesRaw.length === 0) push("nodes must not be empty.");
  const nodes: NodeState[] = [];
  nodesRaw.forEach((n, i) => {
    if (!isObj(n)) {
      push(`nodes[${i}] must be an object.`);
      return;
    }
    const node: Partial<NodeState> = {};
    for (const f of NODE_FIELDS) {
      const v = n[f];
      if (typeof v !== "number" || !Number.isFinite(v)) {
        push(`nodes[${i}].${f} must be a finite number.`);
        continue;
      }
      node[f] = v;
    }
    for (const f of OPTIONAL_NODE_FIELDS) {
      const v = n[f];
      if (v === undefined) continue;
      if (typeof v !== "number" || !Number.isFinite(v) || v < 0) {
        push(`nodes[${i}].${f} must be a number >= 0 when given.`);
        continue;
      }
      node[f] = v;
    }
    if (node.node_type !== undefined && ![0, 1, 2].includes(node.node_type)) {
      push(`nodes[${i}].node_type must be 0 (sensor), 1 (fog) or 2 (cloud).`);
    }
    for (const f of ["cpu_util", "mem_util"] as const) {
      const v = node[f];
      if (v !== undefined && (v < 0 || v > 1)) push(`nodes[${i}].${f} must be between 0 and 1.`);
    }
    nodes.push(node as NodeState);
  });
  const edges: Edge[] = [];
  edgesRaw.forEach((e, i) => {
    let s: unknown;
    let t: unknown;
    let obj: Record<string, unknown> | null = null;
    if (Array.isArray(e) && e.length === 2) [s, t] = e;
    else if (isObj(e)) {
      obj = e;
      s = e.source;
      t = e.target;
      const unknown = Object.keys(e).filter((k) => !EDGE_OBJECT_KEYS.includes(k));
      if (unknown.length) {
        push(`edges[${i}] has unknown key${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")} (allowed: ${EDGE_OBJECT_KEYS.join(", ")}).`);
        return;
      }
    } else {
      push(`edges[${i}] must be a [source, target] pair or a {source, target, capacity_mbps?, backlog_ms?} object.`);
      return;
    }
    if (!Number.isInteger(s) || !Number.isInteger(t)) {
      push(`edges[${i}] must name two integer node indices.`);
      return;
    }
    const [a, b] = [s as number, t as number];
    if (a < 0 || b < 0 || a >= nodesRaw.length || b >= nodesRaw.length) {
      push(`edges[${i}] = [${a}, ${b}] names a node that does not exist (0..${nodesRaw.length - 1}).`);
      return;
    }
    if (a === b) {
      push(`edges[${i}] = [${a}, ${b}] is a self-loop.`);
      return;
    }
    if (!obj) {
      edges.push([a, b]);
      return;
    }
    const edge: { source: number; target: number; capacity_mbps?: number; backlog_ms?: number } = { source: a, target: b };
    const cap = obj.capacity_mbps;
    if (cap !== undefined) {
      if (typeof cap !== "number" || !Number.isFinite(cap) || cap <= 0) push(`edges[${i}].capacity_mbps must be a number > 0.`);
      else edge.capacity_mbps = cap;
    }
    const backlog = obj.backlog_ms;
    if (backlog !== undefined) {
      if (typeof backlog !== "number" || !Number.isFinite(backlog) || backlog < 0) push(`edges[${i}].backlog_ms must be a number >= 0.`);
      else edge.backlog_ms = backlog;
    }
    edges.push(edge);
  });
  if (errors.length) return { ok: false, errors };
  const network: NetworkState = { nodes, edges };
  const task = isObj(raw.task) ? (raw.task as Task) : undefined;
  const load = typeof raw.load === "number" && Number.isFinite(raw.load) ? raw.load : undefined;
  return { ok: true, network, ...(task ? { task } : {}), ...(load !== undefined ? { load } : {}) };
}

/** Pretty JSON of a network for the paste box (one node per line keeps it readable). */
export function networkToJson(network: NetworkState): string {
  const nodes = network.nodes.map((n) => `    ${JSON.stringify(n)}`).join(",\n");
  const edges = network.edges.map((e) => JSON.stringify(e)).join(", ");
  return `{\n  "nodes": [\n${nodes}\n  ],\n  "edges": [${edges}]\n}`;
}

/** Task fields from form strings; empty fields are left out so the API's defaults apply. */
export function buildTask(fields: Record<keyof Task, string>): Task | undefined {
  const task: Task = {};
  for (const [k, v] of Object.entries(fields) as [keyof Task, string][]) {
    const s = v.trim();
    if (s === "") continue;
    const n = Number(s);
    if (Number.isFinite(n)) task[k] = n;
  }
  return Object.keys(task).length ? task : undefined;
}
