/** Networks drawn from the training distribution (the same generator and dynamics as models/edgesim). */
import { randomInt } from "node:crypto";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.js";
import { defaultHook } from "../lib/hook.js";
import { routeGuards } from "../middleware/route-guard.js";
import { warmupTasks } from "../simulation/arrivals.js";
import { greedyWarmupSteps } from "../simulation/dynamics.js";
import { runSliced } from "../lib/yield.js";
import { generateNetwork, tierCounts } from "../simulation/generator.js";
import { Mulberry32 } from "../simulation/prng.js";
import { DEFAULT_LOAD } from "../simulation/spec.js";
import type { GeneratedNetwork } from "../simulation/types.js";
import { bodyErrors } from "../schemas/common.js";
import { SCALAR_BODY_BOUNDS } from "../schemas/network.js";
import {
  GeneratedNetworkSchema,
  GenerateRequestSchema,
  MAX_WARMUP_TASKS,
  MAX_WARMUP_WORK,
  MockNetworkRequestSchema,
  type GeneratedNetworkResponse,
} from "../schemas/networks.js";

/** Stream for the extra links of /generate-mock-network, independent of the generator's own. */
const EXTRA_EDGE_SALT = 0x9e3779b9;

/** Add seeded random links until the network has `target` edges (or is complete). */
export function addEdgesUpTo(net: GeneratedNetwork, target: number, seed: number): GeneratedNetwork {
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

interface EpisodeRequest {
  load?: number | undefined;
  warmup_tasks?: number | undefined;
}

/**
 * The response: the idle network as generated, or (when the request gives load or warmup_tasks) the
 * network after a greedy warm-up of that many arrivals at that load (episodes.EdgeSim.reset), with
 * the arrival that meets it as `task` and `load`, ready for /predict.
 */
/** Warm-up tasks x nodes per slice: a few ms of work between two turns of the event loop. */
const WARMUP_SLICE_WORK = 20_000;

async function respond(net: GeneratedNetwork, seed: number, req: EpisodeRequest): Promise<GeneratedNetworkResponse> {
  const [sensor, fog, cloud] = tierCounts(net.nodes.length);
  const base = { num_nodes: net.nodes.length, num_edges: net.edges.length, seed, tiers: { sensor, fog, cloud }, generated_at: Date.now() / 1000 };
  if (req.load === undefined && req.warmup_tasks === undefined) return { network_state: net, ...base };
  const load = req.load ?? DEFAULT_LOAD;
  const tasks = req.warmup_tasks ?? warmupTasks(net.nodes.length);
  const w = await runSliced(greedyWarmupSteps(net, load, seed, tasks, Math.max(1, Math.floor(WARMUP_SLICE_WORK / net.nodes.length))));
  const { source, cpu_mcycles, mem_mb, data_kb, deadline_ms } = w.next;
  return {
    network_state: w.episode.snapshot(),
    ...base,
    task: { source, cpu_mcycles, mem_mb, data_kb, deadline_ms },
    load: w.next.load,
    episode: {
      load,
      warmup_tasks: tasks,
      placed: w.placed,
      dropped: w.dropped,
      deadline_met: w.deadlineMet,
      elapsed_ms: w.elapsedMs,
      burst: w.next.burst,
    },
  };
}

const MODES =
  "Without `load` and `warmup_tasks` the network is idle as generated (queue_len per node, edges as [s, t] pairs). With either, it is returned in the middle of an episode: the arrival stream of `seed` at `load` (default 0.6) runs for `warmup_tasks` arrivals (default max(50, num_nodes)), each placed by greedy, exactly as models/edgesim's episodes warm up; nodes then carry backlog_ms and the energy left, edges are objects with backlog_ms, and `task` + `load` are the next arrival, ready to send to /predict. " +
  `Limits: warmup_tasks <= ${MAX_WARMUP_TASKS} and warmup_tasks x num_nodes <= ${MAX_WARMUP_WORK} (422 naming warmup_tasks).`;

export function networkRoutes(deps: AppDeps) {
  const guard = routeGuards(deps.config).json(SCALAR_BODY_BOUNDS, "a few scalar fields");
  const errors = bodyErrors(SCALAR_BODY_BOUNDS, "a few scalar fields");
  const gen = createRoute({
    method: "post",
    path: "/networks/generate",
    operationId: "generateNetwork",
    tags: ["networks"],
    summary: "Generate a network from the training distribution, idle or mid-episode",
    description: `Three tiers (sensors attach to nearby fog nodes, a fog backbone, fog uplinks to the cloud), drawn with the same mulberry32 generator as models/edgesim, so the same (num_nodes, seed) gives the identical network in Python and here. Without a seed a random one is drawn and returned. ${MODES}`,
    ...guard,
    request: { body: { required: true, content: { "application/json": { schema: GenerateRequestSchema } } } },
    responses: {
      200: { description: "The network, ready for /predict", content: { "application/json": { schema: GeneratedNetworkSchema } } },
      ...errors,
    },
  });

  const mock = createRoute({
    method: "post",
    path: "/generate-mock-network",
    operationId: "generateMockNetwork",
    tags: ["networks"],
    summary: "Reference path: generate a network ({num_nodes, num_edges})",
    description: `Kept for the reference system's clients. Same generator as /networks/generate; see num_edges. ${MODES}`,
    ...guard,
    request: { body: { required: true, content: { "application/json": { schema: MockNetworkRequestSchema } } } },
    responses: {
      200: { description: "The network", content: { "application/json": { schema: GeneratedNetworkSchema } } },
      ...errors,
    },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(gen, async (c) => {
      const body = c.req.valid("json");
      const s = body.seed ?? randomInt(0, 2 ** 32 - 1);
      return c.json(await respond(generateNetwork(body.num_nodes, s), s, body), 200);
    })
    .openapi(mock, async (c) => {
      const body = c.req.valid("json");
      const s = body.seed ?? randomInt(0, 2 ** 32 - 1);
      let net = generateNetwork(body.num_nodes, s);
      if (body.num_edges !== undefined) net = addEdgesUpTo(net, body.num_edges, s);
      return c.json(await respond(net, s, body), 200);
    });
}
