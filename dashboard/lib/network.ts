// Parsing and checking a network pasted by the user as JSON, before it is sent to the API.
// The API validates again; this only gives early, precise messages in the form.
import type { Edge, NetworkState, NodeState, Task } from "./types";

export const NODE_FIELDS = ["cpu_util", "mem_util", "energy", "latency", "bandwidth", "queue_len", "node_type"] as const;

export type ParseResult =
  | { ok: true; network: NetworkState; task?: Task }
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
  if (!Array.isArray(state.edges)) push("edges must be an array of [source, target] pairs.");
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
    if (!Array.isArray(e) || e.length !== 2 || !e.every((v) => Number.isInteger(v))) {
      push(`edges[${i}] must be a pair of integer node indices.`);
      return;
    }
    const [s, t] = e as [number, number];
    if (s < 0 || t < 0 || s >= nodesRaw.length || t >= nodesRaw.length) {
      push(`edges[${i}] = [${s}, ${t}] names a node that does not exist (0..${nodesRaw.length - 1}).`);
      return;
    }
    if (s === t) {
      push(`edges[${i}] = [${s}, ${t}] is a self-loop.`);
      return;
    }
    edges.push([s, t]);
  });
  if (errors.length) return { ok: false, errors };
  const network: NetworkState = { nodes, edges };
  const task = isObj(raw.task) ? (raw.task as Task) : undefined;
  return task ? { ok: true, network, task } : { ok: true, network };
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
