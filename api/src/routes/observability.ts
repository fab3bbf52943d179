/**
 * GET /metrics (Prometheus text) and GET /stats: the same prom-client metrics, summarised as JSON for
 * the dashboard. One source: /stats reads the registry, it keeps no counters of its own.
 */
import { createRoute, OpenAPIHono, z } from "@hono/zod-openapi";
import type { MetricObjectWithValues, MetricValue, MetricValueWithName } from "prom-client";
import type { AppDeps, AppEnv } from "../context.js";
import { defaultHook } from "../lib/hook.js";
import { routeGuards } from "../middleware/route-guard.js";
import { METRIC_PREFIX } from "../observability/metrics.js";
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

type Series = MetricValue<string> | MetricValueWithName<string>;
type Latency = z.infer<typeof LatencySchema>;

const ms = (seconds: number) => Math.round(seconds * 1e6) / 1000;

/**
 * Count, mean and p50/p95/p99/max of histogram series summed together. Quantiles are interpolated
 * within buckets, as Prometheus' histogram_quantile does, so they are estimates to a bucket's width.
 */
export function latencyOf(series: Series[]): Latency {
  const buckets = new Map<number, number>();
  let count = 0;
  let sum = 0;
  for (const s of series) {
    const name = ("metricName" in s ? s.metricName : undefined) ?? "";
    if (name.endsWith("_bucket")) {
      const le = s.labels.le === "+Inf" ? Infinity : Number(s.labels.le);
      buckets.set(le, (buckets.get(le) ?? 0) + s.value);
    } else if (name.endsWith("_count")) count += s.value;
    else if (name.endsWith("_sum")) sum += s.value;
  }
  if (count === 0) return { count: 0, mean_ms: 0, p50_ms: 0, p95_ms: 0, p99_ms: 0, max_ms: 0 };
  const bounds = [...buckets].sort(([a], [b]) => a - b);
  const finite = bounds.filter(([le]) => Number.isFinite(le));
  const top = finite.length > 0 ? finite[finite.length - 1]![0] : 0;
  const quantile = (q: number) => {
    const rank = q * count;
    let lower = 0;
    let below = 0;
    for (const [le, cumulative] of bounds) {
      if (cumulative >= rank) {
        if (!Number.isFinite(le)) return top;
        return cumulative === below ? le : lower + ((le - lower) * (rank - below)) / (cumulative - below);
      }
      lower = le;
      below = cumulative;
    }
    return top;
  };
  const maxBound = bounds.find(([, cumulative]) => cumulative >= count)?.[0] ?? top;
  return {
    count,
    mean_ms: ms(sum / count),
    p50_ms: ms(quantile(0.5)),
    p95_ms: ms(quantile(0.95)),
    p99_ms: ms(quantile(0.99)),
    max_ms: ms(Number.isFinite(maxBound) ? maxBound : top),
  };
}

/** The /stats summary of a registry's metrics (getMetricsAsJSON, or an aggregate of several workers'). */
export function statsFromMetrics(metrics: MetricObjectWithValues<MetricValue<string>>[], uptimeS: number) {
  const byName = new Map(metrics.map((m) => [m.name, m.values as Series[]]));
  const requests = byName.get(`${METRIC_PREFIX}http_requests_total`) ?? [];
  const durations = byName.get(`${METRIC_PREFIX}http_request_duration_seconds`) ?? [];
  const networks = byName.get(`${METRIC_PREFIX}inference_networks_total`) ?? [];
  const routes: Record<string, { requests: number; errors: number }> = {};
  const models: Record<string, { requests: number; errors: number; predictions: number; latency: Latency }> = {};
  let total = 0;
  let errors = 0;
  const model = (name: string) => (models[name] ??= { requests: 0, errors: 0, predictions: 0, latency: latencyOf([]) });
  for (const s of requests) {
    const failed = Number(s.labels.status) >= 400;
    const key = `${s.labels.method} ${s.labels.route}`;
    const r = (routes[key] ??= { requests: 0, errors: 0 });
    r.requests += s.value;
    total += s.value;
    if (failed) {
      r.errors += s.value;
      errors += s.value;
    }
    const name = String(s.labels.model ?? "");
    if (name) {
      model(name).requests += s.value;
      if (failed) model(name).errors += s.value;
    }
  }
  for (const s of networks) if (s.labels.model && models[String(s.labels.model)]) model(String(s.labels.model)).predictions += s.value;
  for (const name of Object.keys(models)) {
    model(name).latency = latencyOf(durations.filter((s) => s.labels.model === name && Number(s.labels.status) < 400));
  }
  const sorted = <T>(o: Record<string, T>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  return { uptime_s: uptimeS, total_requests: total, total_errors: errors, models: sorted(models), routes: sorted(routes) };
}

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
    description:
      "A summary of the Prometheus metrics of /metrics: requests and errors per route and per model (from edge_placement_http_requests_total), networks scored per model, and request latency per model estimated from the edge_placement_http_request_duration_seconds buckets (as histogram_quantile does).",
    responses: { 200: { description: "Statistics", content: { "application/json": { schema: StatsSchema } } }, ...authErrors },
  });

  return new OpenAPIHono<AppEnv>({ defaultHook })
    .openapi(metrics, async (c) => {
      const text = await deps.server.metrics();
      return c.text(text, 200, { "content-type": deps.metrics.registry.contentType });
    })
    .openapi(stats, async (c) => {
      const summary = statsFromMetrics(await deps.server.metricsJSON(), (Date.now() - deps.startedAt) / 1000);
      return c.json({ ...summary, loaded_models: deps.registry.loadedNames() }, 200);
    });
}
