/** /predict, /batch-predict and /compare schemas. */
import { z } from "@hono/zod-openapi";
import { BASELINE_NAMES } from "../simulation/baselines.js";
import { EXAMPLE_NETWORK, EXAMPLE_TASK } from "./examples.js";
import { checkNetwork, networkSchema, TaskSchema, type Limits } from "./network.js";

export const ModelNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, "a model name has letters, digits, '_', '.' or '-'")
  .openapi({ description: "Which loaded model answers (GET /models lists them)", example: "hybrid" });

export const ModelRefSchema = z.object({ name: z.string(), version: z.string() }).openapi("ModelRef");

export function predictRequestSchema(limits: Limits) {
  return z
    .object({
      network_state: networkSchema(limits),
      model_type: ModelNameSchema.optional().openapi({ description: "Model to use; default `hybrid`", example: "hybrid" }),
      task: TaskSchema.optional(),
    })
    .superRefine((body, ctx) => {
      if (body.task?.source !== undefined) checkNetwork({ nodes: body.network_state.nodes, edges: [] }, ctx, body.task);
    })
    .openapi("PredictRequest", { example: { network_state: EXAMPLE_NETWORK, model_type: "hybrid", task: EXAMPLE_TASK } });
}

export const PredictionSchema = z
  .object({
    selected_node: z.number().int().openapi({ description: "argmax of the policy's probabilities over valid nodes" }),
    confidence: z.number().openapi({ description: "The policy's probability of the selected node" }),
    q_values: z.array(z.number().nullable()).openapi({
      description: "The model's `scores` output per node (Q-values or logits; masked nodes are very negative, null if not finite)",
    }),
    node_scores: z.record(z.string(), z.number()).openapi({
      description: "The model's `probs` output per node index (0 for masked nodes; sums to 1)",
    }),
    value: z.number().optional().openapi({ description: "The critic's state value, for models with a value head" }),
    valid_nodes: z.array(z.number().int()).openapi({ description: "Nodes that may take the task (mask = 1)" }),
    task: z
      .object({ source: z.number().int(), cpu_mcycles: z.number(), mem_mb: z.number(), data_kb: z.number(), deadline_ms: z.number() })
      .openapi({ description: "The task that was placed, defaults filled in" }),
    processing_time_ms: z.number(),
    model: ModelRefSchema,
  })
  .openapi("Prediction");

export function batchPredictRequestSchema(limits: Limits) {
  return z
    .object({
      network_states: z
        .array(networkSchema(limits))
        .min(1, "at least one network")
        .max(limits.maxBatch, `at most ${limits.maxBatch} networks per request (MAX_BATCH)`),
      model_type: ModelNameSchema.optional().openapi({ description: "Model to use; default `hybrid`", example: "hybrid" }),
      task: TaskSchema.optional().openapi({ description: "One task for every network (defaults as in /predict)" }),
      tasks: z
        .array(TaskSchema)
        .optional()
        .openapi({ description: "One task per network (same length as network_states); overrides `task`" }),
    })
    .superRefine((body, ctx) => {
      const nets = body.network_states;
      if (body.tasks !== undefined && body.tasks.length !== nets.length) {
        ctx.addIssue({
          code: "custom",
          message: `tasks has ${body.tasks.length} entries but network_states has ${nets.length}`,
          path: ["tasks"],
        });
        return;
      }
      for (let i = 0; i < nets.length; i++) {
        const t = body.tasks ? body.tasks[i] : body.task;
        if (t?.source !== undefined) {
          checkNetwork({ nodes: nets[i]!.nodes, edges: [] }, ctx, t, body.tasks ? ["tasks", i] : ["task"]);
        }
      }
    })
    .openapi("BatchPredictRequest", {
      example: { network_states: [EXAMPLE_NETWORK, EXAMPLE_NETWORK], model_type: "hybrid" },
    });
}

export const BatchPredictResponseSchema = z
  .object({
    predictions: z.array(PredictionSchema),
    total_processing_time_ms: z.number(),
    model: ModelRefSchema,
    onnx_runs: z.number().int().openapi({ description: "How many batched ONNX runs served the request" }),
  })
  .openapi("BatchPredictResponse");

export function compareRequestSchema(limits: Limits) {
  return z
    .object({
      network_state: networkSchema(limits),
      task: TaskSchema.optional(),
      seed: z
        .number()
        .int()
        .min(0)
        .max(0xffffffff)
        .optional()
        .openapi({ description: "Seed of the `random` baseline. Default: FNV-1a hash of the request body" }),
      step: z
        .number()
        .int()
        .min(0)
        .max(1e9)
        .optional()
        .openapi({ description: "round_robin's pointer (episode step). Default 0: a single request is a fresh episode" }),
    })
    .superRefine((body, ctx) => {
      if (body.task?.source !== undefined) checkNetwork({ nodes: body.network_state.nodes, edges: [] }, ctx, body.task);
    })
    .openapi("CompareRequest", { example: { network_state: EXAMPLE_NETWORK, task: EXAMPLE_TASK } });
}

export const CompareEntrySchema = z
  .object({
    name: z.string(),
    kind: z.enum(["learned", "baseline"]),
    selected_node: z.number().int(),
    probability: z.number().nullable().openapi({ description: "The policy's probability of its choice (null for baselines)" }),
    cost: z.number().openapi({ description: "Immediate placement cost of the choice under the simulator's cost model" }),
    regret: z.number().openapi({ description: "cost - the greedy oracle's cost (0 = as good as the oracle)" }),
    matches_oracle: z.boolean(),
    latency_ms: z.number(),
    energy_j: z.number(),
    deadline_met: z.boolean(),
    version: z.string().optional(),
    value: z.number().optional(),
    processing_time_ms: z.number(),
  })
  .openapi("CompareEntry");

export const CompareResponseSchema = z
  .object({
    oracle: z.object({ selected_node: z.number().int(), cost: z.number() }),
    task: z.object({ source: z.number().int(), cpu_mcycles: z.number(), mem_mb: z.number(), data_kb: z.number(), deadline_ms: z.number() }),
    node_costs: z.array(z.number()).openapi({ description: "Immediate placement cost of every node (cost = -reward)" }),
    valid_nodes: z.array(z.number().int()),
    results: z.array(CompareEntrySchema),
    baselines: z.record(z.enum(BASELINE_NAMES), z.string()).openapi({ description: "What each baseline does" }),
    seed: z.number().int(),
    step: z.number().int(),
    processing_time_ms: z.number(),
  })
  .openapi("CompareResponse");
