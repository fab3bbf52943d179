/** POST /predict and POST /batch-predict: placement decisions from a loaded ONNX policy. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.js";
import { DEFAULT_MODEL } from "../context.js";
import { prepareNetwork, type PreparedNetwork } from "../inference/tensors.js";
import { ApiError } from "../lib/errors.js";
import { defaultHook } from "../lib/hook.js";
import { bodyErrors, errorResponse, modelErrors } from "../schemas/common.js";
import { BatchPredictResponseSchema, batchPredictRequestSchema, PredictionSchema, predictRequestSchema } from "../schemas/predict.js";

/** 422 when no node can take the task (every mask entry 0). */
export function ensurePlaceable(prep: PreparedNetwork, where: string): void {
  if (prep.out.validCount === 0) {
    throw new ApiError(
      422,
      "no_valid_node",
      `no node can take the task${where}: every node is unreachable from source ${prep.task.source}, overloaded (cpu_util > 0.95, backlog_ms >= 5000), short of memory or short of energy (for the compute, or at the source for the transmission)`,
      [{ path: where ? where.replace(/^ in /, "") : "network_state", message: "no valid node for this task" }],
    );
  }
}

/** The request limits of the configuration. */
export function limitsOf(deps: AppDeps) {
  return { maxNodes: deps.config.MAX_NODES, maxBatch: deps.config.MAX_BATCH, maxBatchNodes: deps.config.MAX_BATCH_NODES };
}

export function predictRoutes(deps: AppDeps) {
  const limits = limitsOf(deps);

  const predict = createRoute({
    method: "post",
    path: "/predict",
    tags: ["inference"],
    summary: "Choose a node for one task",
    description:
      "Builds the policy input (contract v2) from the network, its node and link backlogs, the task (defaults: source = first sensor, 500 Mcycles, 128 MB, 200 KB, 500 ms) and the load (default 0.6), runs the ONNX model and returns its choice. `confidence` is the policy's probability of the chosen node. 422 `no_valid_node` when no node can take the task.",
    request: { body: { required: true, content: { "application/json": { schema: predictRequestSchema(limits) } } } },
    responses: {
      200: { description: "The placement", content: { "application/json": { schema: PredictionSchema } } },
      ...bodyErrors,
      ...modelErrors,
    },
  });

  const batch = createRoute({
    method: "post",
    path: "/batch-predict",
    tags: ["inference"],
    summary: "Choose a node for many networks at once",
    description:
      "Networks of the same size run as one batched ONNX run (sizes close together are padded into one run with mask 0 on padding). `task`/`load` apply to every network, `tasks`/`loads` give one per network.",
    request: { body: { required: true, content: { "application/json": { schema: batchPredictRequestSchema(limits) } } } },
    responses: {
      200: { description: "One prediction per network, in order", content: { "application/json": { schema: BatchPredictResponseSchema } } },
      ...bodyErrors,
      ...modelErrors,
      422: errorResponse("Validation failed, or no node can take the task in some network"),
    },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(predict, async (c) => {
      const body = c.req.valid("json");
      const name = body.model_type ?? DEFAULT_MODEL;
      // Label metrics only with names that exist on disk (bounded cardinality).
      if (deps.registry.isKnown(name)) c.set("model", name);
      deps.predictor.resolveModel(name);
      const prep = prepareNetwork(body.network_state, body.task, body.load);
      ensurePlaceable(prep, "");
      const pred = await deps.predictor.predictOne(name, prep);
      deps.stats.recordInference(name, pred.processing_time_ms, 1);
      return c.json(pred, 200);
    })
    .openapi(batch, async (c) => {
      const started = performance.now();
      const body = c.req.valid("json");
      const name = body.model_type ?? DEFAULT_MODEL;
      // Label metrics only with names that exist on disk (bounded cardinality).
      if (deps.registry.isKnown(name)) c.set("model", name);
      deps.predictor.resolveModel(name);
      const preps = body.network_states.map((net, i) => {
        const prep = prepareNetwork(net, body.tasks ? body.tasks[i] : body.task, body.loads ? body.loads[i] : body.load);
        ensurePlaceable(prep, ` in network_states[${i}]`);
        return prep;
      });
      const { predictions, runs, model } = await deps.predictor.predictMany(name, preps);
      const total = performance.now() - started;
      deps.stats.recordInference(name, total, predictions.length);
      return c.json({ predictions, total_processing_time_ms: total, model: model.ref, model_version: model.ref.version, onnx_runs: runs }, 200);
    });
}
