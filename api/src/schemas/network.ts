/**
 * Request schemas for networks and tasks (the reference's field names and units), built for the
 * configured limits. Graph rules (edge endpoints exist, no self-loops, source exists) are checked
 * here too so every bad input is reported with a path.
 */
import { z } from "@hono/zod-openapi";
import * as spec from "../simulation/spec.js";

export interface Limits {
  maxNodes: number;
  maxBatch: number;
}

/** At most this many edges per network (a 1000-node network averages ~1.4 edges per node). */
export const MAX_EDGES_FACTOR = 64;

export const NodeSchema = z
  .object({
    cpu_util: z.number().min(0).max(1).openapi({ description: "CPU utilisation, fraction 0-1", example: 0.35 }),
    mem_util: z.number().min(0).max(1).openapi({ description: "Memory utilisation, fraction 0-1", example: 0.4 }),
    energy: z.number().min(0).max(1e9).openapi({ description: "Energy budget left, J", example: 250 }),
    latency: z.number().min(0).max(1e6).openapi({ description: "Link latency, ms (a hop costs the mean of its two ends)", example: 5 }),
    bandwidth: z
      .number()
      .gt(0)
      .max(1e7)
      .openapi({ description: "Link bandwidth, Mbps (a hop runs at the smaller of its two ends); > 0", example: 50 }),
    queue_len: z.number().min(0).max(1e6).openapi({ description: "Tasks waiting at the node (may be fractional)", example: 1 }),
    node_type: z
      .number()
      .int()
      .min(0)
      .max(2)
      .openapi({ description: "0 sensor, 1 fog, 2 cloud", example: 0 }),
  })
  .openapi("Node");

export const EdgeSchema = z
  .tuple([z.number().int().min(0), z.number().int().min(0)])
  .openapi({ description: "Undirected edge [source, target] (node indices)", example: [0, 1] });

export const TaskSchema = z
  .object({
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
  .openapi("Task", { description: "The task to place. Every field is optional; defaults as documented." });

export type NodeInput = z.infer<typeof NodeSchema>;
export type TaskInput = z.infer<typeof TaskSchema>;

/** Graph checks shared by every schema that carries a network. */
export function checkNetwork(
  net: { nodes: unknown[]; edges: [number, number][] },
  ctx: { addIssue: (issue: { code: "custom"; message: string; path: (string | number)[] }) => void },
  task?: { source?: number | undefined },
  taskPath: (string | number)[] = ["task"],
): void {
  const n = net.nodes.length;
  for (let i = 0; i < net.edges.length; i++) {
    const [s, t] = net.edges[i]!;
    if (s >= n || t >= n) {
      ctx.addIssue({
        code: "custom",
        message: `edge [${s}, ${t}] names node ${s >= n ? s : t}, but the network has ${n} nodes (indices 0-${n - 1})`,
        path: ["edges", i],
      });
    } else if (s === t) {
      ctx.addIssue({ code: "custom", message: `self-loop [${s}, ${t}] is not allowed`, path: ["edges", i] });
    }
  }
  if (task?.source !== undefined && task.source >= n) {
    ctx.addIssue({
      code: "custom",
      message: `task source ${task.source} does not exist (the network has ${n} nodes)`,
      path: [...taskPath, "source"],
    });
  }
}

export function networkSchema(limits: Limits) {
  return z
    .object({
      nodes: z
        .array(NodeSchema)
        .min(spec.MIN_NODES, `a network needs at least ${spec.MIN_NODES} nodes`)
        .max(limits.maxNodes, `at most ${limits.maxNodes} nodes per network (MAX_NODES)`),
      edges: z
        .array(EdgeSchema)
        .max(limits.maxNodes * MAX_EDGES_FACTOR, `at most ${limits.maxNodes * MAX_EDGES_FACTOR} edges per network`),
    })
    .superRefine((net, ctx) => checkNetwork(net, ctx))
    .openapi("NetworkState", {
      description: "An IoT edge network: nodes (sensor/fog/cloud) and undirected edges between node indices.",
    });
}

export type NetworkInput = { nodes: NodeInput[]; edges: [number, number][] };
