/** GET /metrics (Prometheus text) and GET /stats (the same, as JSON for the dashboard). */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { AppDeps, AppEnv } from "../context.js";
import { defaultHook } from "../lib/hook.js";
import { routeGuards } from "../middleware/route-guard.js";
import { authErrors } from "../schemas/common.js";

const LatencySchema = z.object({
  count: z.number().int(),
  mean_ms: z.number(),
  p50_ms: z.number(),
  p95_ms: z.number(),
  p99_ms: z.number(),
  max_ms: z.number(),
});

export const StatsSchema = z
  .object({
    uptime_s: z.number(),
    total_requests: z.number().int(),
    total_errors: z.number().int(),
    models: z.record(
      z.string(),
      z.object({ requests: z.number().int(), errors: z.number().int(), predictions: z.number().int(), latency: LatencySchema }),
    ),
    routes: z.record(z.string(), z.object({ requests: z.number().int(), errors: z.number().int() })),
    loaded_models: z.array(z.string()),
  })
  .openapi("Stats");

export function observabilityRoutes(deps: AppDeps) {
  const guards = routeGuards(deps.config);
  const metrics = createRoute({
    method: "get",
    path: "/metrics",
    operationId: "getMetrics",
    ...guards.metrics,
    tags: ["observability"],
    summary: "Prometheus metrics: requests by route, status and model; inference latency histograms",
    description: "Open to scrapers without a key unless METRICS_PUBLIC=off (then it needs x-api-key when API_KEYS is set).",
    responses: { 200: { description: "Prometheus text format", content: { "text/plain": { schema: z.string() } } }, ...authErrors },
  });
  const stats = createRoute({
    method: "get",
    path: "/stats",
    operationId: "getStats",
    ...guards.keyed,
    tags: ["observability"],
    summary: "Per-model requests, errors and p50/p95/p99 latency (JSON, for the dashboard)",
    responses: { 200: { description: "Statistics", content: { "application/json": { schema: StatsSchema } } }, ...authErrors },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(metrics, async (c) => {
      const text = await deps.metrics.registry.metrics();
      return c.text(text, 200, { "content-type": deps.metrics.registry.contentType });
    })
    .openapi(stats, (c) => c.json({ ...deps.stats.snapshot(), loaded_models: deps.registry.loadedNames() }, 200));
}
