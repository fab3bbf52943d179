/** POST /networks/generate and the reference's POST /generate-mock-network. */
import { z } from "@hono/zod-openapi";
import { MAX_GENERATED_NODES, MIN_NODES, WARMUP_MIN_TASKS, WARMUP_PER_NODE } from "../simulation/spec.js";
import { capped } from "../lib/validation.js";
import { EdgeSchema, MAX_EDGES_FACTOR, MAX_LOAD, NodeSchema } from "./network.js";

/** Most warm-up tasks one request may simulate. */
export const MAX_WARMUP_TASKS = 5000;
/** Most warm-up work, warm-up tasks x nodes (each task is evaluated on every node): 2000 tasks at 1000 nodes. */
export const MAX_WARMUP_WORK = 2_000_000;

const numNodes = z
  .number()
  .int()
  .min(MIN_NODES)
  .max(MAX_GENERATED_NODES)
  .openapi({ description: `Node count, ${MIN_NODES}-${MAX_GENERATED_NODES}`, example: 20 });

const seed = z
  .number()
  .int()
  .min(0)
  .max(0xffffffff)
  .openapi({
    description: "uint32 seed of the mulberry32 streams (network and arrivals); the same seed gives the same result (in Python too)",
    example: 42,
  });

/** Mid-episode mode: present if either field is. */
const episodeFields = {
  load: z
    .number()
    .gt(0)
    .max(MAX_LOAD)
    .optional()
    .openapi({
      description: `Arrival load of the warm-up (rho, a fraction of the network's compute, (0, ${MAX_LOAD}]). Giving it or warmup_tasks returns the network in the middle of an episode. Default 0.6`,
      example: 0.7,
    }),
  warmup_tasks: z
    .number()
    .int()
    .min(0)
    .max(MAX_WARMUP_TASKS, `at most ${MAX_WARMUP_TASKS} warm-up tasks (MAX_WARMUP_TASKS)`)
    .optional()
    .openapi({
      description: `Tasks placed by greedy before the snapshot (0-${MAX_WARMUP_TASKS}, and warmup_tasks x num_nodes <= ${MAX_WARMUP_WORK}). Default max(${WARMUP_MIN_TASKS}, ${WARMUP_PER_NODE} x num_nodes), the training episodes' warm-up`,
      example: 50,
    }),
};

/** warmup_tasks x num_nodes within MAX_WARMUP_WORK (checked once both are known). */
function checkWork(body: { num_nodes: number; warmup_tasks?: number | undefined }, ctx: { addIssue: (i: { code: "custom"; message: string; path: string[] }) => void }) {
  if (body.warmup_tasks !== undefined && body.warmup_tasks * body.num_nodes > MAX_WARMUP_WORK) {
    ctx.addIssue({
      code: "custom",
      message: `warmup_tasks x num_nodes is ${body.warmup_tasks * body.num_nodes}; at most ${MAX_WARMUP_WORK} (at ${body.num_nodes} nodes: ${Math.floor(MAX_WARMUP_WORK / body.num_nodes)} tasks)`,
      path: ["warmup_tasks"],
    });
  }
}

export const GenerateRequestSchema = capped(
  z
    .strictObject({ num_nodes: numNodes, seed: seed.optional(), ...episodeFields })
    .superRefine(checkWork)
    .openapi("GenerateRequest", { example: { num_nodes: 20, seed: 42, load: 0.7 } }),
);

/** num_edges within MAX_EDGES_FACTOR x num_nodes, the edge limit of /predict, so the network can be sent there. */
function checkEdges(body: { num_nodes: number; num_edges?: number | undefined }, ctx: { addIssue: (i: { code: "custom"; message: string; path: string[] }) => void }) {
  if (body.num_edges !== undefined && body.num_edges > MAX_EDGES_FACTOR * body.num_nodes) {
    ctx.addIssue({
      code: "custom",
      message: `num_edges is ${body.num_edges}; at most ${MAX_EDGES_FACTOR} x num_nodes = ${MAX_EDGES_FACTOR * body.num_nodes} (MAX_EDGES_FACTOR)`,
      path: ["num_edges"],
    });
  }
}

export const MockNetworkRequestSchema = capped(
  z
  .strictObject({
    num_nodes: numNodes.default(10),
    num_edges: z
      .number()
      .int()
      .min(0)
      .max(MAX_EDGES_FACTOR * MAX_GENERATED_NODES, `at most ${MAX_EDGES_FACTOR * MAX_GENERATED_NODES} edges (${MAX_EDGES_FACTOR} x num_nodes)`)
      .optional()
      .openapi({
        description: `Reference field. The generator decides the topology; if num_edges is larger, extra seeded random links are added until it is reached (or the graph is complete). A smaller value is ignored. At most ${MAX_EDGES_FACTOR} x num_nodes (the edge limit of /predict).`,
        example: 15,
      }),
    seed: seed.optional(),
    ...episodeFields,
  })
  .superRefine((body, ctx) => {
    checkWork(body, ctx);
    checkEdges(body, ctx);
  })
  .openapi("MockNetworkRequest", { example: { num_nodes: 10, num_edges: 15 } }),
);

const ArrivalSchema = z
  .object({
    source: z.number().int(),
    cpu_mcycles: z.number(),
    mem_mb: z.number(),
    data_kb: z.number(),
    deadline_ms: z.number(),
  })
  .openapi("NextTask", { description: "The arrival that meets this state: send it as `task` to /predict" });

export const GeneratedNetworkSchema = z
  .object({
    network_state: z.object({ nodes: z.array(NodeSchema), edges: z.array(EdgeSchema) }),
    num_nodes: z.number().int(),
    num_edges: z.number().int(),
    seed: z.number().int(),
    tiers: z.object({ sensor: z.number().int(), fog: z.number().int(), cloud: z.number().int() }),
    generated_at: z.number().openapi({ description: "Unix time (s), as the reference returned" }),
    task: ArrivalSchema.optional(),
    load: z.number().optional().openapi({ description: "Mid-episode only: the arrival rate the next task meets (load x the burst multiplier); send it as `load`" }),
    episode: z
      .object({
        load: z.number().openapi({ description: "The warm-up's target load rho" }),
        warmup_tasks: z.number().int(),
        placed: z.number().int(),
        dropped: z.number().int().openapi({ description: "Warm-up tasks no node could take" }),
        deadline_met: z.number().int(),
        elapsed_ms: z.number().openapi({ description: "Simulated time from the idle network to the next arrival" }),
        burst: z.boolean().openapi({ description: "Whether the next arrival comes during a burst" }),
      })
      .optional()
      .openapi({ description: "Mid-episode only: how the warm-up went" }),
  })
  .openapi("GeneratedNetwork");

export type GeneratedNetworkResponse = z.infer<typeof GeneratedNetworkSchema>;
