// Shapes of the API's requests and responses, all derived from the API's own route types
// (AppType, through hono/client's type helpers), so they cannot drift from what it validates and sends.
// The only hand-written shapes are the API's error body (ApiErrorBody) and the streamed
// simulation's progress event (SimulateProgress): no route type carries them.

import type { hc, InferRequestType, InferResponseType } from "hono/client";
import type { AppType } from "./app-type";

/** The typed hono client of the API. */
export type Client = ReturnType<typeof hc<AppType>>;

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
export type SimulateRequest = InferRequestType<Client["simulate"]["$post"]>["json"];

// ---- responses
export type PredictResponse = InferResponseType<Client["predict"]["$post"], 200>;
export type CompareResponse = InferResponseType<Client["compare"]["$post"], 200>;
export type CompareEntry = CompareResponse["results"][number];
export type BaselineName = keyof CompareResponse["baselines"];
export type GenerateResponse = InferResponseType<Client["networks"]["generate"]["$post"], 200>;
export type HealthResponse = InferResponseType<Client["health"]["$get"], 200>;
/** /ready answers 200 when a model is loaded and 503 (same body, `ready: false`) before. */
export type ReadyResponse = InferResponseType<Client["ready"]["$get"], 200 | 503>;
export type StatsResponse = InferResponseType<Client["stats"]["$get"], 200>;
export type ModelStats = StatsResponse["models"][string];
export type ModelListResponse = InferResponseType<Client["models"]["$get"], 200>;
export type ModelSummary = ModelListResponse["models"][number];
export type ModelDetail = InferResponseType<Client["models"][":name"]["$get"], 200>;
export type LoadResult = InferResponseType<Client["models"][":name"]["load"]["$post"], 200>;
export type EvalReport = InferResponseType<Client["evaluation"]["$get"], 200>;
/** One (policy, network size, load) row of models/reports/eval.json; manifests carry the same rows. */
export type EvalRow = EvalReport["results"][number];
export type AblationRow = EvalReport["ablations"][number];
/** The JSON answer (the route also returns its SSE stream as a plain Response, which carries no type). */
export type SimulateResponse = Exclude<InferResponseType<Client["simulate"]["$post"], 200>, Response>;
export type PolicySummary = SimulateResponse["summaries"][number];
export type SimulationTrace = SimulateResponse["trace"];
/** A `progress` event of the streamed POST /simulate: summaries over the first `done` tasks (docs/api.md). */
export interface SimulateProgress {
  done: number;
  total: number;
  summaries: PolicySummary[];
}

/**
 * The error body of every route (api/src/middleware/errors.ts writes it for any failure). The
 * route types carry only the handlers' own answers, so this one shape is written here.
 */
export interface ApiErrorBody {
  error: string;
  message: string;
  issues?: { path: string; message: string }[];
  /** model names that exist (unknown-model errors) */
  available?: string[];
}
