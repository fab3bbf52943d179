/** Networks drawn from the training distribution (the same generator as models/edgesim). */
import { randomInt } from "node:crypto";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.js";
import { defaultHook } from "../lib/hook.js";
import { generateNetwork, tierCounts } from "../simulation/generator.js";
import { Mulberry32 } from "../simulation/prng.js";
import type { NetworkState } from "../simulation/types.js";
import { bodyErrors } from "../schemas/common.js";
import { GeneratedNetworkSchema, GenerateRequestSchema, MockNetworkRequestSchema } from "../schemas/networks.js";

/** Stream for the extra links of /generate-mock-network, independent of the generator's own. */
const EXTRA_EDGE_SALT = 0x9e3779b9;

/** Add seeded random links until the network has `target` edges (or is complete). */
export function addEdgesUpTo(net: NetworkState, target: number, seed: number): NetworkState {
  const n = net.nodes.length;
  const goal = Math.min(target, (n * (n - 1)) / 2);
  if (net.edges.length >= goal) return net;
  const have = new Set(net.edges.map(([s, t]) => s * n + t));
  const rng = new Mulberry32((seed ^ EXTRA_EDGE_SALT) >>> 0);
  const edges = [...net.edges];
  let attempts = 0;
  while (edges.length < goal && attempts < goal * 20) {
    attempts++;
    const a = Math.floor(rng.next() * n);
    const b = Math.floor(rng.next() * n);
    if (a === b) continue;
    const s = Math.min(a, b);
    const t = Math.max(a, b);
    if (have.has(s * n + t)) continue;
    have.add(s * n + t);
    edges.push([s, t]);
  }
  // Dense targets: fill the remaining pairs in index order.
  for (let s = 0; s < n && edges.length < goal; s++) {
    for (let t = s + 1; t < n && edges.length < goal; t++) {
      if (!have.has(s * n + t)) {
        have.add(s * n + t);
        edges.push([s, t]);
      }
    }
  }
  edges.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return { nodes: net.nodes, edges };
}

function generated(net: NetworkState, seed: number) {
  const [sensor, fog, cloud] = tierCounts(net.nodes.length);
  return {
    network_state: net,
    num_nodes: net.nodes.length,
    num_edges: net.edges.length,
    seed,
    tiers: { sensor, fog, cloud },
    generated_at: Date.now() / 1000,
  };
}

export function networkRoutes(_deps: AppDeps) {
  const gen = createRoute({
    method: "post",
    path: "/networks/generate",
    tags: ["networks"],
    summary: "Generate a network from the training distribution",
    description:
      "Three tiers (sensors attach to nearby fog nodes, a fog backbone, fog uplinks to the cloud), drawn with the same mulberry32 generator as models/edgesim, so the same (num_nodes, seed) gives the identical network in Python and here. Without a seed a random one is drawn and returned.",
    request: { body: { required: true, content: { "application/json": { schema: GenerateRequestSchema } } } },
    responses: {
      200: { description: "The network, ready for /predict", content: { "application/json": { schema: GeneratedNetworkSchema } } },
      ...bodyErrors,
    },
  });

  const mock = createRoute({
    method: "post",
    path: "/generate-mock-network",
    tags: ["networks"],
    summary: "Reference path: generate a network ({num_nodes, num_edges})",
    description: "Kept for the reference system's clients. Same generator as /networks/generate; see num_edges.",
    request: { body: { required: true, content: { "application/json": { schema: MockNetworkRequestSchema } } } },
    responses: {
      200: { description: "The network", content: { "application/json": { schema: GeneratedNetworkSchema } } },
      ...bodyErrors,
    },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(gen, (c) => {
      const { num_nodes, seed } = c.req.valid("json");
      const s = seed ?? randomInt(0, 2 ** 32 - 1);
      return c.json(generated(generateNetwork(num_nodes, s), s), 200);
    })
    .openapi(mock, (c) => {
      const { num_nodes, num_edges, seed } = c.req.valid("json");
      const s = seed ?? randomInt(0, 2 ** 32 - 1);
      let net = generateNetwork(num_nodes, s);
      if (num_edges !== undefined) net = addEdgesUpTo(net, num_edges, s);
      return c.json(generated(net, s), 200);
    });
}
