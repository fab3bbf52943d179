/** /predict, /batch-predict and /compare schemas. */
import { z } from "@hono/zod-openapi";
import { HEURISTIC_NAMES } from "../simulation/heuristics.js";
import { EXAMPLE_LOAD, EXAMPLE_NETWORK, EXAMPLE_TASK } from "./examples.js";
import { capped, issueBudgetSpent } from "../lib/validation.js";
import {
  type BodyBounds,
  checkSource,
  LoadSchema,
  MAX_BATCH_EDGES_FACTOR,
  MAX_EDGES_FACTOR,
  networkBodyBounds,
  networkSchema,
  TaskSchema,
  type Limits,
} from "./network.js";

export const ModelNameSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_.-]+$/, "a model name has letters, digits, '_', '.' or '-'")
  .openapi({ description: "Which loaded model answers (GET /models lists them)", example: "hybrid" });

export const ModelRefSchema = z.object({ name: z.string(), version: z.string() }).openapi("ModelRef");

const ResolvedTaskSchema = z
  .object({ source: z.number().int(), cpu_mcycles: z.number(), mem_mb: z.number(), data_kb: z.number(), deadline_ms: z.number() })
  .openapi("ResolvedTask", { description: "The task that was placed, defaults filled in" });

/** Body bounds of /predict and /compare: one network at MAX_NODES. */
export function networkRequestBounds(limits: Limits): BodyBounds {
  return networkBodyBounds(limits.maxNodes, limits.maxNodes * MAX_EDGES_FACTOR);
}

/** Body bounds of /batch-predict: MAX_BATCH networks holding MAX_BATCH_NODES nodes. */
export function batchRequestBounds(limits: Limits): BodyBounds {
  return networkBodyBounds(limits.maxBatchNodes, limits.maxBatchNodes * MAX_BATCH_EDGES_FACTOR, limits.maxBatch);
}

export function predictRequestSchema(limits: Limits) {
  const schema = z
    .strictObject({
      network_state: networkSchema(limits),
      model_type: ModelNameSchema.optional().openapi({ description: "Model to use; default `hybrid`", example: "hybrid" }),
      task: TaskSchema.optional(),
      load: LoadSchema.optional(),
    })
    .superRefine((body, ctx) => {
      if (!issueBudgetSpent()) checkSource(body.network_state.nodes.length, ctx, body.task);
    })
    .openapi("PredictRequest", { example: { network_state: EXAMPLE_NETWORK, model_type: "hybrid", task: EXAMPLE_TASK, load: EXAMPLE_LOAD } });
  return capped(schema);
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
    task: ResolvedTaskSchema,
    load: z.number().openapi({ description: "The load feature the model saw (the request's, else the default)" }),
    processing_time_ms: z.number(),
    model: ModelRefSchema,
    model_version: z.string().openapi({ description: "The model version that produced this answer (POST /models/{name}/rollback changes it)", example: "1" }),
  })
  .openapi("Prediction");

export function batchPredictRequestSchema(limits: Limits) {
  const maxEdges = limits.maxBatchNodes * MAX_BATCH_EDGES_FACTOR;
  const schema = z
    .strictObject({
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
      load: LoadSchema.optional().openapi({ description: "One load for every network (default as in /predict)" }),
      loads: z
        .array(LoadSchema)
        .optional()
        .openapi({ description: "One load per network (same length as network_states); overrides `load`" }),
    })
    .superRefine((body, ctx) => {
      if (issueBudgetSpent()) return;
      const nets = body.network_states;
      let nodes = 0;
      let edges = 0;
      for (const net of nets) {
        nodes += net.nodes.length;
        edges += net.edges.length;
      }
      if (nodes > limits.maxBatchNodes) {
        ctx.addIssue({
          code: "custom",
          message: `the networks have ${nodes} nodes in total; at most ${limits.maxBatchNodes} per request (MAX_BATCH_NODES)`,
          path: ["network_states"],
        });
      }
      if (edges > maxEdges) {
        ctx.addIssue({
          code: "custom",
          message: `the networks have ${edges} edges in total; at most ${maxEdges} per request (${MAX_BATCH_EDGES_FACTOR} x MAX_BATCH_NODES)`,
          path: ["network_states"],
        });
      }
      for (const [key, list] of [
        ["tasks", body.tasks],
        ["loads", body.loads],
      ] as const) {
        if (list !== undefined && list.length !== nets.length) {
          ctx.addIssue({ code: "custom", message: `${key} has ${list.length} entries but network_states has ${nets.length}`, path: [key] });
        }
      }
      if (body.tasks !== undefined && body.tasks.length !== nets.length) return;
      for (let i = 0; i < nets.length; i++) {
        const t = body.tasks ? body.tasks[i] : body.task;
        checkSource(nets[i]!.nodes.length, ctx, t, body.tasks ? ["tasks", i] : ["task"]);
      }
    })
    .openapi("BatchPredictRequest", {
      example: { network_states: [EXAMPLE_NETWORK, EXAMPLE_NETWORK], model_type: "hybrid", load: EXAMPLE_LOAD },
    });
  return capped(schema);
}

export const BatchPredictResponseSchema = z
  .object({
    predictions: z.array(PredictionSchema),
    total_processing_time_ms: z.number(),
    model: ModelRefSchema,
    model_version: z.string().openapi({ description: "The model version that produced every prediction", example: "1" }),
    onnx_runs: z.number().int().openapi({ description: "How many batched ONNX runs served the request" }),
  })
  .openapi("BatchPredictResponse");

export function compareRequestSchema(limits: Limits) {
  const schema = z
    .strictObject({
      network_state: networkSchema(limits),
      task: TaskSchema.optional(),
      load: LoadSchema.optional(),
      seed: z
        .number()
        .int()
        .min(0)
        .max(0xffffffff)
        .optional()
        .openapi({ description: "Seed of the `random` and `power_of_two` baselines. Default: FNV-1a hash of the request's network, task and load" }),
      step: z
        .number()
        .int()
        .min(0)
        .max(1e9)
        .optional()
        .openapi({ description: "round_robin's pointer (episode step). Default 0: a single request is a fresh episode" }),
    })
    .superRefine((body, ctx) => {
      if (!issueBudgetSpent()) checkSource(body.network_state.nodes.length, ctx, body.task);
    })
    .openapi("CompareRequest", { example: { network_state: EXAMPLE_NETWORK, task: EXAMPLE_TASK, load: EXAMPLE_LOAD } });
  return capped(schema);
}

export const CompareEntrySchema = z
  .object({
    name: z.string(),
    kind: z.enum(["learned", "baseline"]),
    selected_node: z.number().int(),
    probability: z.number().nullable().openapi({ description: "The policy's probability of its choice (null for baselines)" }),
    reward: z.number().openapi({ description: "Immediate reward of the choice under the simulator (the outcome of placing the task there)" }),
    cost: z.number().openapi({ description: "-reward" }),
    regret: z.number().openapi({ description: "greedy's reward - this reward (>= 0; 0 = as good as the one-step optimum)" }),
    matches_greedy: z.boolean(),
    latency_ms: z.number().openapi({ description: "Completion time of the task from its arrival: transfer, link and node queues, processing" }),
    tx_ms: z.number().openapi({ description: "Arrival of the task's data at the node, link queues included" }),
    wait_ms: z.number().openapi({ description: "Time in the node's queue" }),
    energy_j: z.number(),
    deadline_met: z.boolean(),
    model_version: z.string().optional().openapi({ description: "The version of a learned model that answered" }),
    value: z.number().optional(),
    processing_time_ms: z.number(),
  })
  .openapi("CompareEntry");

export const CompareResponseSchema = z
  .object({
    greedy: z
      .object({ selected_node: z.number().int(), reward: z.number(), cost: z.number() })
      .openapi({ description: "The one-step optimum: the valid node with the highest immediate reward" }),
    task: ResolvedTaskSchema,
    load: z.number(),
    node_costs: z.array(z.number()).openapi({ description: "Immediate cost (-reward) of placing the task on each node, masked nodes included" }),
    node_latency_ms: z
      .array(z.number().nullable())
      .openapi({ description: "Completion time of the task on each node (null where the node is unreachable)" }),
    valid_nodes: z.array(z.number().int()),
    results: z.array(CompareEntrySchema),
    baselines: z.record(z.enum(HEURISTIC_NAMES), z.string()).openapi({ description: "What each baseline does" }),
    seed: z.number().int(),
    step: z.number().int(),
    processing_time_ms: z.number(),
  })
  .openapi("CompareResponse");
