/** POST /simulate: a closed-loop episode with policies in the loop, as JSON or streamed with SSE. */
import { randomInt } from "node:crypto";
import { createRoute, OpenAPIHono } from "@hono/zod-openapi";
import { streamSSE } from "hono/streaming";
import type { AppDeps, AppEnv } from "../context.js";
import { ApiError } from "../lib/errors.js";
import { defaultHook } from "../lib/hook.js";
import { routeGuards } from "../middleware/route-guard.js";
import { EXAMPLE_ERRORS, errorResponse, inferenceErrors } from "../schemas/common.js";
import { limitsOf } from "../schemas/network.js";
import { networkRequestBounds } from "../schemas/predict.js";
import { SIMULATE_SSE_DESCRIPTION, SimulateResponseSchema, simulateRequestSchema } from "../schemas/simulate.js";
import { generateNetwork } from "../simulation/generator.js";
import { learnedPolicy } from "../simulation/learned.js";
import { isBaseline } from "../simulation/policies.js";
import { simulate, type Simulation } from "../simulation/simulate.js";
import type { Topology } from "../simulation/topology.js";

export function simulateRoutes(deps: AppDeps) {
  const sim = {
    maxTasks: deps.config.SIM_MAX_TASKS,
    maxWork: deps.config.SIM_MAX_WORK,
    maxPlannerWork: deps.config.SIM_MAX_PLANNER_WORK,
  };
  const limits = limitsOf(deps.config);
  const bounds = networkRequestBounds(limits);
  const route = createRoute({
    method: "post",
    path: "/simulate",
    operationId: "simulate",
    ...routeGuards(deps.config).json(bounds, "MAX_NODES"),
    tags: ["simulation"],
    summary: "Run an episode with policies in the loop",
    description:
      "Generates one arrival stream (seeded, Markov-modulated bursts) on the network, warms it up with greedy, then lets every requested policy place the same scored tasks on its own copy of the network: queues and links fill up with its own choices. Learned models decide through the same inference path as /predict, one task at a time. Returns a summary per policy and a compact trace. " +
      `Limits (422 naming the setting): tasks <= SIM_MAX_TASKS (${sim.maxTasks}), (max(50, N) warm-up tasks + tasks x policies) x nodes <= SIM_MAX_WORK (${sim.maxWork}), with the planner tasks x nodes <= SIM_MAX_PLANNER_WORK (${sim.maxPlannerWork}). ` +
      "Send `Accept: text/event-stream` to stream progress. Closing the connection stops the run.",
    request: { body: { required: true, content: { "application/json": { schema: simulateRequestSchema(limits, sim, (name) => deps.registry.isKnown(name)) } } } },
    responses: {
      200: {
        description: `The episode's summaries and trace. ${SIMULATE_SSE_DESCRIPTION}`,
        content: {
          "application/json": { schema: SimulateResponseSchema },
          "text/event-stream": { schema: { type: "string", example: 'event: progress\ndata: {"done":120,"total":1000,"summaries":[...]}\n\nevent: result\ndata: {"summaries":[...],"trace":{...}}\n\n' } },
        },
      },
      ...inferenceErrors(bounds, "MAX_NODES"),
      422: errorResponse(
        "Validation failed: over a SIM_* limit (the issue names it and the values), unknown or repeated policies, or a bad network",
        EXAMPLE_ERRORS.validation,
      ),
    },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook }).openapi(route, async (c) => {
    const body = c.req.valid("json");
    // Learned policies must be loaded before the run starts (503 / 404 as /predict answers).
    for (const name of body.policies) if (!isBaseline(name)) deps.predictor.resolveModel(name);
    const seed = body.seed ?? randomInt(0, 2 ** 32 - 1);
    const networkSeed = body.network_state ? null : (body.network_seed ?? seed);
    const request: Simulation = {
      network_state: body.network_state ?? generateNetwork(body.num_nodes!, networkSeed!),
      network_seed: networkSeed,
      load: body.load,
      bursts: body.bursts,
      tasks: body.tasks,
      seed,
      policies: body.policies,
      trace_every: body.trace_every,
    };
    const learned = (name: string, topo: Topology) => learnedPolicy(name, deps.predictor, topo);

    if ((c.req.header("accept") ?? "").includes("text/event-stream")) {
      return streamSSE(
        c,
        async (stream) => {
          const abort = new AbortController();
          stream.onAbort(() => abort.abort());
          c.req.raw.signal.addEventListener("abort", () => abort.abort(), { once: true });
          const { answer } = await simulate(request, learned, {
            signal: abort.signal,
            onProgress: (p) => stream.writeSSE({ event: "progress", data: JSON.stringify(p) }),
          });
          if (answer) await stream.writeSSE({ event: "result", data: JSON.stringify(answer) });
        },
        async (err, stream) => {
          const body = err instanceof ApiError ? err.toBody() : { error: "internal_error", message: "the simulation failed" };
          if (!(err instanceof ApiError)) deps.logger.error({ reqId: c.get("requestId"), err }, "simulation failed");
          await stream.writeSSE({ event: "error", data: JSON.stringify(body) });
        },
      );
    }
    const { answer, result } = await simulate(request, learned, { signal: c.req.raw.signal });
    if (!answer) {
      // The client is gone; nobody reads this.
      deps.logger.info({ reqId: c.get("requestId"), completed: result.completed, tasks: request.tasks }, "simulation aborted by the client");
      throw new ApiError(503, "aborted", "the client closed the connection");
    }
    return c.json(answer, 200);
  });
}
