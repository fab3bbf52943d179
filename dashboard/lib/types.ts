// Shapes of the API's requests and responses, all derived from the API's own route types
// (AppType, through the typed hono client), so they cannot drift from what it validates and sends.
// The only hand-written shapes below are the dashboard's own (table rows, API error bodies).

import type { InferRequestType, InferResponseType } from "hono/client";
import type { Client } from "./client";

export type NodeType = 0 | 1 | 2;

// ---- requests
export type PredictRequest = InferRequestType<Client["predict"]["$post"]>["json"];
export type CompareRequest = InferRequestType<Client["compare"]["$post"]>["json"];
export type GenerateRequest = InferRequestType<Client["networks"]["generate"]["$post"]>["json"];
export type NetworkState = PredictRequest["network_state"];
export type NodeState = NetworkState["nodes"][number];
export type Edge = NetworkState["edges"][number];
/** An edge in object form: `{source, target, capacity_mbps?, backlog_ms?}`. */
export type EdgeObject = Exclude<Edge, readonly unknown[]>;
export type Task = NonNullable<PredictRequest["task"]>;

// ---- responses
export type PredictResponse = InferResponseType<Client["predict"]["$post"], 200>;
export type CompareResponse = InferResponseType<Client["compare"]["$post"], 200>;
export type CompareEntry = CompareResponse["results"][number];
export type BaselineName = keyof CompareResponse["baselines"];
export type GenerateResponse = InferResponseType<Client["networks"]["generate"]["$post"], 200>;
export type HealthResponse = InferResponseType<Client["health"]["$get"], 200>;
export type StatsResponse = InferResponseType<Client["stats"]["$get"], 200>;
export type ModelListResponse = InferResponseType<Client["models"]["$get"], 200>;
export type ModelSummary = ModelListResponse["models"][number];
export type ModelDetail = InferResponseType<Client["models"][":name"]["$get"], 200>;
export type EvalReport = InferResponseType<Client["evaluation"]["$get"], 200>;
/** One (policy, network size, load) row of models/reports/eval.json; manifests carry the same rows. */
export type EvalRow = EvalReport["results"][number];
export type AblationRow = EvalReport["ablations"][number];

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

export interface ApiErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
}
