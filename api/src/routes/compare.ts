/** POST /compare: every loaded model and every baseline on one network, scored by the simulator. */
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.js";
import { ensurePlaceable } from "../inference/errors.js";
import { prepareNetwork } from "../inference/tensors.js";
import { defaultHook } from "../lib/hook.js";
import { NODES_PER_SLICE, yieldToLoop } from "../lib/yield.js";
import { routeGuards } from "../middleware/route-guard.js";
import { fnv1a, HEURISTIC_DESCRIPTIONS, HEURISTIC_NAMES, HEURISTICS } from "../simulation/heuristics.js";
import { bodyErrors, EXAMPLE_ERRORS, errorResponse } from "../schemas/common.js";
import { limitsOf } from "../schemas/network.js";
import { compareRequestSchema, CompareResponseSchema, networkRequestBounds } from "../schemas/predict.js";

export function compareRoutes(deps: AppDeps) {
  const limits = limitsOf(deps.config);
  const bounds = networkRequestBounds(limits);
  const route = createRoute({
    method: "post",
    path: "/compare",
    operationId: "compare",
    tags: ["inference"],
    summary: "Compare every loaded model with the baselines on one network",
    description: `For each loaded model and each baseline (${HEURISTIC_NAMES.join(", ")}): the chosen node, its probability (models), and the outcome of placing the task there under the simulator (reward, cost = -reward, completion time, energy, deadline), from the TypeScript mirror of models/edgesim checked against models/fixtures/simulation.json. \`regret\` is the reward below greedy's choice (the exact one-step optimum).`,
    ...routeGuards(deps.config).json(bounds, "MAX_NODES"),
    request: { body: { required: true, content: { "application/json": { schema: compareRequestSchema(limits) } } } },
    responses: {
      200: { description: "The comparison", content: { "application/json": { schema: CompareResponseSchema } } },
      ...bodyErrors(bounds, "MAX_NODES"),
      422: errorResponse("Validation failed, or no node can take the task", EXAMPLE_ERRORS.validation, EXAMPLE_ERRORS.noValidNode),
    },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook }).openapi(route, async (c) => {
    const started = performance.now();
    const body = c.req.valid("json");
    // A large network's work goes in several turns of the event loop, letting others run between.
    const large = body.network_state.nodes.length >= NODES_PER_SLICE;
    if (large) await yieldToLoop();
    const prep = prepareNetwork(body.network_state, body.task, body.load);
    ensurePlaceable(prep);
    const out = prep.out;
    if (large) await yieldToLoop();
    const seed = body.seed ?? fnv1a(JSON.stringify({ network_state: body.network_state, task: body.task ?? null, load: body.load ?? null }));
    const step = body.step ?? 0;
    const ctx = { net: prep.net, task: prep.task, out, step, seed };
    const best = HEURISTICS.greedy(ctx);
    const bestReward = out.reward[best]!;

    const entry = (node: number) => ({
      selected_node: node,
      reward: out.reward[node]!,
      cost: -out.reward[node]!,
      regret: bestReward - out.reward[node]!,
      matches_greedy: node === best,
      latency_ms: out.finish[node]!,
      tx_ms: out.arrive[node]!,
      wait_ms: out.wait[node]!,
      energy_j: out.energyJ[node]!,
      deadline_met: out.deadlineMet[node] === 1,
    });

    // Every loaded model at once: the predictor shares their runs' event-loop turn. A large
    // network's runs go one after another instead, each in its own turns.
    const names = deps.registry.loadedNames();
    const preds = [];
    if (large) for (const name of names) preds.push(await deps.predictor.predictOne(name, prep));
    else preds.push(...(await Promise.all(names.map((name) => deps.predictor.predictOne(name, prep)))));
    const results = [];
    for (let k = 0; k < names.length; k++) {
      const name = names[k]!;
      const pred = preds[k]!;
      results.push({
        name,
        kind: "learned" as const,
        ...entry(pred.selected_node),
        probability: pred.confidence,
        model_version: pred.model_version,
        ...(pred.value !== undefined ? { value: pred.value } : {}),
        processing_time_ms: pred.processing_time_ms,
      });
    }
    for (const name of HEURISTIC_NAMES) {
      const t0 = performance.now();
      const node = HEURISTICS[name](ctx);
      results.push({ name, kind: "baseline" as const, ...entry(node), probability: null, processing_time_ms: performance.now() - t0 });
    }
    const validNodes: number[] = [];
    for (let i = 0; i < prep.n; i++) if (out.valid[i]) validNodes.push(i);
    return c.json(
      {
        greedy: { selected_node: best, reward: bestReward, cost: -bestReward },
        task: prep.task,
        load: prep.load,
        node_costs: Array.from(out.reward, (r) => -r),
        node_latency_ms: Array.from(out.finish, (f) => (Number.isFinite(f) ? f : null)),
        valid_nodes: validNodes,
        results,
        baselines: HEURISTIC_DESCRIPTIONS,
        seed,
        step,
        processing_time_ms: performance.now() - started,
      },
      200,
    );
  });
}
