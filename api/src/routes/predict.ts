/** POST /predict and POST /batch-predict: placement decisions from a loaded ONNX policy. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.js";
import { DEFAULT_MODEL } from "../context.js";
import { ensurePlaceable } from "../inference/errors.js";
import { prepareNetwork } from "../inference/tensors.js";
import { defaultHook } from "../lib/hook.js";
import { NODES_PER_SLICE, yieldToLoop } from "../lib/yield.js";
import { routeGuards } from "../middleware/route-guard.js";
import { inferenceErrors } from "../schemas/common.js";
import { limitsOf } from "../schemas/network.js";
import {
  BatchPredictResponseSchema,
  batchPredictRequestSchema,
  batchRequestBounds,
  networkRequestBounds,
  PredictionSchema,
  predictRequestSchema,
} from "../schemas/predict.js";

export function predictRoutes(deps: AppDeps) {
  const limits = limitsOf(deps.config);
  const guards = routeGuards(deps.config);
  const single = networkRequestBounds(limits);
  const many = batchRequestBounds(limits);

  const predict = createRoute({
    method: "post",
    path: "/predict",
    operationId: "predict",
    tags: ["inference"],
    summary: "Choose a node for one task",
    description:
      "Builds the policy input (contract v2) from the network, its node and link backlogs, the task (defaults: source = first sensor, 500 Mcycles, 128 MB, 200 KB, 500 ms) and the load (default 0.6), runs the ONNX model and returns its choice. `confidence` is the policy's probability of the chosen node. 422 `no_valid_node` when no node can take the task. " +
      `Limits: ${limits.maxNodes} nodes (MAX_NODES), ${single.bytes} bytes of body.`,
    ...guards.json(single, "MAX_NODES"),
    request: { body: { required: true, content: { "application/json": { schema: predictRequestSchema(limits) } } } },
    responses: {
      200: { description: "The placement", content: { "application/json": { schema: PredictionSchema } } },
      ...inferenceErrors(single, "MAX_NODES"),
    },
  });

  const batch = createRoute({
    method: "post",
    path: "/batch-predict",
    operationId: "batchPredict",
    tags: ["inference"],
    summary: "Choose a node for many networks at once",
    description:
      "Networks of the same size run as one batched ONNX run (sizes close together are padded into one run with mask 0 on padding). `task`/`load` apply to every network, `tasks`/`loads` give one per network. " +
      `Limits: ${limits.maxBatch} networks (MAX_BATCH), ${limits.maxBatchNodes} nodes in total (MAX_BATCH_NODES), ${many.bytes} bytes of body.`,
    ...guards.json(many, "MAX_BATCH, MAX_BATCH_NODES"),
    request: { body: { required: true, content: { "application/json": { schema: batchPredictRequestSchema(limits) } } } },
    responses: {
      200: { description: "One prediction per network, in order", content: { "application/json": { schema: BatchPredictResponseSchema } } },
      ...inferenceErrors(many, "MAX_BATCH, MAX_BATCH_NODES"),
    },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(predict, async (c) => {
      const body = c.req.valid("json");
      const name = body.model_type ?? DEFAULT_MODEL;
      // Label metrics only with names that exist on disk (bounded cardinality).
      if (deps.registry.isKnown(name)) c.set("model", name);
      deps.predictor.resolveModel(name);
      // Parsing and validating a large body was one long stretch: let others run before the next.
      if (body.network_state.nodes.length >= NODES_PER_SLICE) await yieldToLoop();
      const prep = prepareNetwork(body.network_state, body.task, body.load);
      ensurePlaceable(prep);
      return c.json(await deps.predictor.predictOne(name, prep), 200);
    })
    .openapi(batch, async (c) => {
      const started = performance.now();
      const body = c.req.valid("json");
      const name = body.model_type ?? DEFAULT_MODEL;
      // Label metrics only with names that exist on disk (bounded cardinality).
      if (deps.registry.isKnown(name)) c.set("model", name);
      deps.predictor.resolveModel(name);
      const preps = [];
      let sliceNodes = NODES_PER_SLICE; // yield first: validation was one long stretch
      for (let i = 0; i < body.network_states.length; i++) {
        const net = body.network_states[i]!;
        if (sliceNodes >= NODES_PER_SLICE) {
          await yieldToLoop();
          sliceNodes = 0;
        }
        sliceNodes += net.nodes.length;
        const prep = prepareNetwork(net, body.tasks ? body.tasks[i] : body.task, body.loads ? body.loads[i] : body.load);
        ensurePlaceable(prep, `network_states[${i}]`);
        preps.push(prep);
      }
      const { predictions, runs, model } = await deps.predictor.predictMany(name, preps);
      return c.json({ predictions, total_processing_time_ms: performance.now() - started, model: model.ref, model_version: model.ref.version, onnx_runs: runs }, 200);
    });
}
