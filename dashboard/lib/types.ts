// Shapes of the API's JSON responses as the dashboard consumes them (issue 3).
// The typed hono client (lib/client.ts) checks requests against the API's own AppType;
// these interfaces describe the parts of each response the UI reads.

import type { InferRequestType } from "hono/client";
import type { Client } from "./client";

export type NodeType = 0 | 1 | 2;

/** Request bodies come from the API's own route types, so they cannot drift from what it validates. */
export type PredictRequest = InferRequestType<Client["predict"]["$post"]>["json"];
export type NetworkState = PredictRequest["network_state"];
export type NodeState = NetworkState["nodes"][number];
export type Edge = NetworkState["edges"][number];
export type Task = NonNullable<PredictRequest["task"]>;

export interface GenerateResponse {
  network_state: NetworkState;
  num_nodes: number;
  num_edges: number;
  seed: number;
}

export interface PredictResponse {
  selected_node: number;
  /** The policy's probability of the selected node. */
  confidence: number;
  /** The model's raw `scores` output per node (Q-values or logits); null where not finite. */
  q_values: (number | null)[];
  /** The policy's probability per node, keyed by node index. */
  node_scores: Record<string, number>;
  processing_time_ms: number;
  value?: number | null;
  valid_nodes?: number[];
  model?: { name: string; version: string };
  /** The task that was placed, defaults filled in. */
  task?: Task;
}

export interface CompareEntry {
  name: string;
  kind: "learned" | "baseline" | string;
  selected_node: number;
  probability: number | null;
  cost: number | null;
  matches_oracle: boolean | null;
  regret: number | null;
  latency_ms: number | null;
  energy_j: number | null;
  deadline_met: boolean | null;
}

export interface CompareResult {
  entries: CompareEntry[];
  oracle_node: number | null;
  oracle_cost: number | null;
  node_costs: number[] | null;
  task: Task | null;
}

export interface HealthResponse {
  /** "healthy" once a model is loaded, "degraded" before. */
  status: string;
  version?: string;
  uptime_s?: number;
  uptime_seconds?: number;
  models_loaded?: string[] | Record<string, boolean>;
  [key: string]: unknown;
}

export interface ModelSummary {
  name: string;
  version?: string;
  loaded?: boolean;
  algorithm?: string;
  [key: string]: unknown;
}

export interface StatsRow {
  model: string;
  requests: number;
  errors: number;
  errorRate: number;
  predictions: number | null;
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

export interface EvalResult {
  policy: string;
  kind: "learned" | "baseline" | string;
  num_nodes: number;
  mean_reward: number;
  std_reward: number;
  deadline_met_rate: number;
  mean_latency_ms: number;
}

export interface EvalReport {
  seed: number;
  episodes: number;
  results: EvalResult[];
}

export interface ApiErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}
