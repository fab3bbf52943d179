/**
 * The API's network format (the reference system's field names and units, plus the environment
 * state of models/edgesim: node and link backlogs).
 */

/**
 * A node. Its compute backlog is `backlog_ms` when given, else `queue_len` mean-sized tasks
 * (simulator.initial_backlog: queue_len * MEAN_TASK_MCYCLES / speed), else 0.
 */
export interface NodeState {
  cpu_util: number;
  mem_util: number;
  energy: number;
  latency: number;
  bandwidth: number;
  node_type: number;
  /** tasks waiting at the node (only read when backlog_ms is absent) */
  queue_len?: number | undefined;
  /** ms of compute queued ahead of a new task */
  backlog_ms?: number | undefined;
}

/** A link with optional state; capacity defaults to the smaller endpoint bandwidth, backlog to 0. */
export interface EdgeState {
  source: number;
  target: number;
  capacity_mbps?: number | undefined;
  /** ms of transfers queued on the link ahead of a new one */
  backlog_ms?: number | undefined;
}

/** An undirected link: a `[source, target]` pair (default capacity, idle) or an EdgeState. */
export type Edge = [number, number] | EdgeState;

export interface NetworkState {
  nodes: NodeState[];
  edges: Edge[];
}

/** What the generator draws: every node has a queue_len, edges are pairs. */
export interface GeneratedNode extends NodeState {
  queue_len: number;
}
export interface GeneratedNetwork extends NetworkState {
  nodes: GeneratedNode[];
  edges: [number, number][];
}

/** A task: where it arrives and what it needs. */
export interface Task {
  source: number;
  cpu_mcycles: number;
  mem_mb: number;
  data_kb: number;
  deadline_ms: number;
}

/** Endpoints of edge `e`. */
export function edgeEnds(e: Edge): [number, number] {
  return "source" in e ? [e.source, e.target] : [e[0], e[1]];
}
