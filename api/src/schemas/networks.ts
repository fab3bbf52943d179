/** POST /networks/generate and the reference's POST /generate-mock-network. */
import { z } from "@hono/zod-openapi";
import { MAX_GENERATED_NODES, MIN_NODES } from "../simulation/spec.js";
import { NodeSchema, EdgeSchema } from "./network.js";

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
  .openapi({ description: "uint32 seed of the mulberry32 stream; the same seed gives the same network (in Python too)", example: 42 });

export const GenerateRequestSchema = z
  .object({ num_nodes: numNodes, seed: seed.optional() })
  .openapi("GenerateRequest", { example: { num_nodes: 20, seed: 42 } });

export const MockNetworkRequestSchema = z
  .object({
    num_nodes: numNodes.default(10),
    num_edges: z
      .number()
      .int()
      .min(0)
      .max(500_000)
      .optional()
      .openapi({
        description:
          "Reference field. The generator decides the topology; if num_edges is larger, extra seeded random links are added until it is reached (or the graph is complete). A smaller value is ignored.",
        example: 15,
      }),
    seed: seed.optional(),
  })
  .openapi("MockNetworkRequest", { example: { num_nodes: 10, num_edges: 15 } });

export const GeneratedNetworkSchema = z
  .object({
    network_state: z.object({ nodes: z.array(NodeSchema), edges: z.array(EdgeSchema) }),
    num_nodes: z.number().int(),
    num_edges: z.number().int(),
    seed: z.number().int(),
    tiers: z.object({ sensor: z.number().int(), fog: z.number().int(), cloud: z.number().int() }),
    generated_at: z.number().openapi({ description: "Unix time (s), as the reference returned" }),
  })
  .openapi("GeneratedNetwork");
