/** POST /compare: every loaded model and every baseline on one network, costed by the simulator. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.js";
import { prepareNetwork } from "../inference/tensors.js";
import { defaultHook } from "../lib/hook.js";
import { BASELINE_DESCRIPTIONS, BASELINE_NAMES, BASELINES, fnv1a } from "../simulation/baselines.js";
import { networkTensors } from "../simulation/features.js";
import { bodyErrors } from "../schemas/common.js";
import { compareRequestSchema, CompareResponseSchema } from "../schemas/predict.js";
import { ensurePlaceable } from "./predict.js";

export function compareRoutes(deps: AppDeps) {
  const limits = { maxNodes: deps.config.MAX_NODES, maxBatch: deps.config.MAX_BATCH };
  const route = createRoute({
    method: "post",
    path: "/compare",
    tags: ["inference"],
    summary: "Compare every loaded model with the baselines on one network",
    description:
      "For each loaded model and each baseline (random, round_robin, least_loaded, nearest, greedy_oracle): the chosen node, its probability (models), and its immediate placement cost under the simulator's cost model (the TypeScript mirror of models/edgesim, checked against the fixtures' node_costs). `regret` is the cost above the greedy oracle's choice.",
    request: { body: { required: true, content: { "application/json": { schema: compareRequestSchema(limits) } } } },
    responses: {
      200: { description: "The comparison", content: { "application/json": { schema: CompareResponseSchema } } },
      ...bodyErrors,
    },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook }).openapi(route, async (c) => {
    const started = performance.now();
    const body = c.req.valid("json");
    const prep = prepareNetwork(body.network_state, body.task);
    ensurePlaceable(prep, "");
    const place = prep.place;
    const { x, mask } = networkTensors(prep.net, prep.task, place);
    const seed = body.seed ?? fnv1a(JSON.stringify({ network_state: body.network_state, task: body.task ?? null }));
    const step = body.step ?? 0;
    const ctx = { x, mask, n: prep.n, place, step, seed };
    const oracle = BASELINES.greedy_oracle(ctx);
    const oracleCost = place.cost[oracle]!;

    const entry = (node: number) => ({
      selected_node: node,
      cost: place.cost[node]!,
      regret: place.cost[node]! - oracleCost,
      matches_oracle: node === oracle,
      latency_ms: place.latencyMs[node]!,
      energy_j: place.energyJ[node]!,
      deadline_met: place.deadlineMet[node] === 1,
    });

    // Every loaded model at once: the predictor shares their runs' event-loop turn.
    const names = deps.registry.loadedNames();
    const preds = await Promise.all(names.map((name) => deps.predictor.predictOne(name, prep)));
    const results = [];
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const pred = preds[k]!;
      deps.stats.recordInference(name, pred.processing_time_ms, 1);
      results.push({
        name,
        kind: "learned" as const,
        ...entry(pred.selected_node),
        probability: pred.confidence,
        version: pred.model.version,
        ...(pred.value !== undefined ? { value: pred.value } : {}),
        processing_time_ms: pred.processing_time_ms,
      });
    }
    for (const name of BASELINE_NAMES) {
      const t0 = performance.now();
      const node = BASELINES[name](ctx);
      results.push({ name, kind: "baseline" as const, ...entry(node), probability: null, processing_time_ms: performance.now() - t0 });
    }
    const validNodes: number[] = [];
    for (let i = 0; i < prep.n; i++) if (place.valid[i]) validNodes.push(i);
    return c.json(
      {
        oracle: { selected_node: oracle, cost: oracleCost },
        task: prep.task,
        node_costs: Array.from(place.cost),
        valid_nodes: validNodes,
        results,
        baselines: BASELINE_DESCRIPTIONS,
        seed,
        step,
        processing_time_ms: performance.now() - started,
      },
      200,
    );
  });
}
