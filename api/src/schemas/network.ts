/**
 * Request schemas for networks, tasks and load (the reference's field names and units plus the
 * environment state: node and link backlogs), built for the configured limits. Graph rules (edge
 * endpoints exist, no self-loops, source exists) are checked here too so every bad input is
 * reported with a path.
 */
import { z } from "@hono/zod-openapi";
import type { Config } from "../config/env.js";
import { MAX_ISSUES } from "../lib/errors.js";
import { capIssues, issueBudgetSpent } from "../lib/validation.js";
import * as spec from "../simulation/spec.js";
import { edgeEnds, type Edge } from "../simulation/types.js";

export interface Limits {
  maxNodes: number;
  maxBatch: number;
  /** most nodes over all networks of one /batch-predict request */
  maxBatchNodes: number;
}

/** The request limits of a configuration. */
export function limitsOf(config: Pick<Config, "MAX_NODES" | "MAX_BATCH" | "MAX_BATCH_NODES">): Limits {
  return { maxNodes: config.MAX_NODES, maxBatch: config.MAX_BATCH, maxBatchNodes: config.MAX_BATCH_NODES };
}

/**
 * At most this many edges per node of MAX_NODES in one network (generated networks have ~1.4 per
 * node; 4 allows a complete graph up to 9 nodes and a dense mesh beyond). Edges, like nodes, bound
 * the work of validation, routing and the model run, and the body size.
 */
export const MAX_EDGES_FACTOR = 4;
/** At most this many edges per node of MAX_BATCH_NODES over one batch. */
export const MAX_BATCH_EDGES_FACTOR = 4;
/** Largest backlog a node or link may report, ms (a queue MAX_BACKLOG_MS = 5000 ahead is already full). */
export const MAX_BACKLOG_INPUT_MS = 1e9;
export const MAX_LOAD = 2;

const backlogMs = z.number().min(0).max(MAX_BACKLOG_INPUT_MS);

export const NodeSchema = z
  .strictObject({
    cpu_util: z.number().min(0).max(1).openapi({ description: "Background CPU utilisation, fraction 0-1 (speed is CPU_GHZ * max(1 - cpu_util, 0.05))", example: 0.35 }),
    mem_util: z.number().min(0).max(1).openapi({ description: "Memory utilisation, fraction 0-1", example: 0.4 }),
    energy: z.number().min(0).max(1e9).openapi({ description: "Energy left, J", example: 250 }),
    latency: z.number().min(0).max(1e6).openapi({ description: "Link latency, ms (a link's propagation delay is the mean of its two ends)", example: 5 }),
    bandwidth: z
      .number()
      .gt(0)
      .max(1e7)
      .openapi({ description: "Bandwidth, Mbps (a link's default capacity is the smaller of its two ends); > 0", example: 50 }),
    queue_len: z
      .number()
      .min(0)
      .max(1e6)
      .optional()
      .openapi({
        description: `Tasks waiting at the node (may be fractional). Only read when backlog_ms is absent: backlog = queue_len * ${spec.MEAN_TASK_MCYCLES} Mcycles (the mean task) / speed. Default 0`,
        example: 1,
      }),
    backlog_ms: backlogMs.optional().openapi({
      description: `Compute work queued ahead of a new task, ms (0-${MAX_BACKLOG_INPUT_MS}); a node ${spec.MAX_BACKLOG_MS} ms or more behind takes no task. Overrides queue_len`,
      example: 120,
    }),
    node_type: z
      .number()
      .int()
      .min(0)
      .max(2)
      .openapi({ description: "0 sensor, 1 fog, 2 cloud", example: 0 }),
  })
  .openapi("Node", { description: "A node's state; unknown keys are rejected" });
capIssues(NodeSchema);

const nodeIndex = z.number().int().min(0);

export const EdgePairSchema = z
  .tuple([nodeIndex, nodeIndex])
  .openapi("EdgePair", { description: "Undirected link [source, target] (node indices), default capacity, idle", example: [0, 1] });

export const EdgeObjectSchema = z
  .strictObject({
    source: nodeIndex.openapi({ description: "One end (node index)", example: 0 }),
    target: nodeIndex.openapi({ description: "The other end (node index)", example: 1 }),
    capacity_mbps: z
      .number()
      .gt(0)
      .max(1e7)
      .optional()
      .openapi({ description: "Link capacity, Mbps (> 0). Default: the smaller bandwidth of its two ends", example: 50 }),
    backlog_ms: backlogMs.optional().openapi({ description: "Transfers queued on the link ahead of a new one, ms. Default 0", example: 35 }),
  })
  .openapi("EdgeObject", { description: "Undirected link with state; unknown keys are rejected" });

export const EdgeSchema = z
  .union([EdgePairSchema, EdgeObjectSchema], { error: "an edge is [source, target] or {source, target, capacity_mbps?, backlog_ms?}" })
  .openapi("Edge", { description: "An undirected link: [source, target] or {source, target, capacity_mbps?, backlog_ms?}" });
capIssues(EdgeSchema);

export const LoadSchema = z
  .number()
  .min(0)
  .max(MAX_LOAD)
  .openapi({
    description: `Current task arrival rate as a fraction of the network's compute (0-${MAX_LOAD}; the policies were trained at ${spec.LOAD_RANGE[0]}-${spec.LOAD_RANGE[1]} with bursts at ${spec.RATE_BURST}x). Default ${spec.DEFAULT_LOAD}`,
    example: spec.DEFAULT_LOAD,
  });
capIssues(LoadSchema);

export const TaskSchema = z
  .strictObject({
    source: z
      .number()
      .int()
      .min(0)
      .optional()
      .openapi({ description: "Node where the task arrives. Default: the first sensor (node_type 0), else node 0", example: 0 }),
    cpu_mcycles: z
      .number()
      .gt(0)
      .max(1e7)
      .optional()
      .openapi({ description: `CPU demand, Mcycles. Default ${spec.DEFAULT_TASK.cpu_mcycles}`, example: spec.DEFAULT_TASK.cpu_mcycles }),
    mem_mb: z
      .number()
      .min(0)
      .max(1e7)
      .optional()
      .openapi({ description: `Memory demand, MB. Default ${spec.DEFAULT_TASK.mem_mb}`, example: spec.DEFAULT_TASK.mem_mb }),
    data_kb: z
      .number()
      .min(0)
      .max(1e9)
      .optional()
      .openapi({ description: `Input data to transmit, KB. Default ${spec.DEFAULT_TASK.data_kb}`, example: spec.DEFAULT_TASK.data_kb }),
    deadline_ms: z
      .number()
      .gt(0)
      .max(1e9)
      .optional()
      .openapi({ description: `Deadline, ms. Default ${spec.DEFAULT_TASK.deadline_ms}`, example: spec.DEFAULT_TASK.deadline_ms }),
  })
  .openapi("Task", { description: "The task to place. Every field is optional; defaults as documented. Unknown keys are rejected." });
capIssues(TaskSchema);

export type NodeInput = z.infer<typeof NodeSchema>;
export type EdgeInput = z.infer<typeof EdgeSchema>;
export type TaskInput = z.infer<typeof TaskSchema>;

type IssueSink = { addIssue: (issue: { code: "custom"; message: string; path: (string | number)[] }) => void };

/** Graph checks shared by every schema that carries a network; at most MAX_ISSUES problems are listed. */
export function checkNetwork(
  net: { nodes: unknown[]; edges: readonly Edge[] },
  ctx: IssueSink,
  task?: { source?: number | undefined },
  taskPath: (string | number)[] = ["task"],
): void {
  if (issueBudgetSpent()) return;
  const n = net.nodes.length;
  let found = 0;
  for (let i = 0; i < net.edges.length && found < MAX_ISSUES; i++) {
    const [s, t] = edgeEnds(net.edges[i]!);
    if (s >= n || t >= n) {
      ctx.addIssue({
        code: "custom",
        message: `edge (${s}, ${t}) names node ${s >= n ? s : t}, but the network has ${n} nodes (indices 0-${n - 1})`,
        path: ["edges", i],
      });
      found++;
    } else if (s === t) {
      ctx.addIssue({ code: "custom", message: `self-loop (${s}, ${t}) is not allowed`, path: ["edges", i] });
      found++;
    }
  }
  checkSource(n, ctx, task, taskPath);
}

/** The task's source must be a node. */
export function checkSource(n: number, ctx: IssueSink, task?: { source?: number | undefined }, taskPath: (string | number)[] = ["task"]): void {
  if (issueBudgetSpent()) return;
  if (task?.source !== undefined && task.source >= n) {
    ctx.addIssue({
      code: "custom",
      message: `task source ${task.source} does not exist (the network has ${n} nodes)`,
      path: [...taskPath, "source"],
    });
  }
}

export function networkSchema(limits: Limits) {
  const maxEdges = limits.maxNodes * MAX_EDGES_FACTOR;
  const schema = z
    .strictObject({
      nodes: z
        .array(NodeSchema)
        .min(spec.MIN_NODES, `a network needs at least ${spec.MIN_NODES} nodes`)
        .max(limits.maxNodes, `at most ${limits.maxNodes} nodes per network (MAX_NODES)`),
      edges: z.array(EdgeSchema).max(maxEdges, `at most ${maxEdges} edges per network (${MAX_EDGES_FACTOR} x MAX_NODES)`),
    })
    .superRefine((net, ctx) => checkNetwork(net, ctx))
    .openapi("NetworkState", {
      description:
        "An IoT edge network: nodes (sensor/fog/cloud) with their compute backlog, and undirected links between node indices with their capacity and backlog.",
    });
  return capIssues(schema);
}

/**
 * Bounds of a request body, checked before it is parsed (middleware/body-guard.ts): its bytes, its
 * JSON values (numbers, strings, arrays, objects) and its nesting depth. They follow from the node
 * and edge limits, so a body that passes them costs at most what the largest valid request costs.
 */
export interface BodyBounds {
  bytes: number;
  values: number;
  depth: number;
}

/** Largest JSON text of one node: 8 fields with 17 significant digits each, pretty-printed. */
export const NODE_JSON_BYTES = 400;
/** Largest JSON text of one edge object ({source, target, capacity_mbps, backlog_ms}), pretty-printed. */
export const EDGE_JSON_BYTES = 160;
/** JSON values of a node (the object and 8 fields) and of an edge (the object and 4 fields). */
export const NODE_JSON_VALUES = 9;
export const EDGE_JSON_VALUES = 5;
/** Room for everything but nodes and edges: model_type, task, load, seed, whitespace. */
const ENVELOPE = { bytes: 16 * 1024, values: 64 };
/** Per network of a batch: its braces and keys, a task of `tasks` and a load of `loads`. */
const PER_NETWORK = { bytes: 1024, values: 16 };
/** Deepest nesting of any request: body > network_states > network > edges > edge. */
export const MAX_JSON_DEPTH = 8;

export function networkBodyBounds(nodes: number, edges: number, networks = 1): BodyBounds {
  return {
    bytes: ENVELOPE.bytes + networks * PER_NETWORK.bytes + nodes * NODE_JSON_BYTES + edges * EDGE_JSON_BYTES,
    values: ENVELOPE.values + networks * PER_NETWORK.values + nodes * NODE_JSON_VALUES + edges * EDGE_JSON_VALUES,
    depth: MAX_JSON_DEPTH,
  };
}

/** Bodies of a few scalar fields (/networks/generate, /generate-mock-network). */
export const SCALAR_BODY_BOUNDS: BodyBounds = { bytes: 4 * 1024, values: 64, depth: 2 };

export type NetworkInput = { nodes: NodeInput[]; edges: EdgeInput[] };
