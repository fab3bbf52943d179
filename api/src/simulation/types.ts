/** The API's network format (the reference system's field names and units). */
export interface NodeState {
  cpu_util: number;
  mem_util: number;
  energy: number;
  latency: number;
  bandwidth: number;
  queue_len: number;
  node_type: number;
}

export interface NetworkState {
  nodes: NodeState[];
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
