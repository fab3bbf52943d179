// Shapes GET /stats (StatsResponse: per model requests, errors, latency percentiles; per route
// requests and errors) into the Overview's table rows.
import type { StatsResponse } from "./types";

export interface StatsRow {
  model: string;
  requests: number;
  errors: number;
  errorRate: number;
  predictions: number;
  /** latency in ms; null before the model has served a request (no samples, not zero) */
  mean: number | null;
  p50: number | null;
  p95: number | null;
  p99: number | null;
}

const rate = (errors: number, requests: number) => (requests > 0 ? errors / requests : 0);

/** Per-model rows, sorted by model name. */
export function statsRows(stats: Pick<StatsResponse, "models"> | null): StatsRow[] {
  if (!stats) return [];
  return Object.entries(stats.models)
    .map(([model, m]) => {
      const sampled = m.latency.count > 0;
      return {
        model,
        requests: m.requests,
        errors: m.errors,
        errorRate: rate(m.errors, m.requests),
        predictions: m.predictions,
        mean: sampled ? m.latency.mean_ms : null,
        p50: sampled ? m.latency.p50_ms : null,
        p95: sampled ? m.latency.p95_ms : null,
        p99: sampled ? m.latency.p99_ms : null,
      };
    })
    .sort((a, b) => a.model.localeCompare(b.model));
}

/** Totals across models (the overview's headline numbers). */
export function statsTotals(rows: readonly StatsRow[]): { requests: number; errors: number; errorRate: number } {
  const requests = rows.reduce((a, r) => a + r.requests, 0);
  const errors = rows.reduce((a, r) => a + r.errors, 0);
  return { requests, errors, errorRate: rate(errors, requests) };
}

/** The readiness probe: its 503 before a model is loaded is its answer, not a failure. */
export const READY_ROUTE = "GET /ready";

export interface RouteRow {
  route: string;
  requests: number;
  /** 4xx/5xx answers, except the readiness probe's "not ready" */
  errors: number;
  /** the readiness probe's "not ready" answers (its non-2xx count) */
  notReady: number;
}

/** Per-route request counts, busiest first. */
export function routeRows(stats: Pick<StatsResponse, "routes"> | null): RouteRow[] {
  if (!stats) return [];
  return Object.entries(stats.routes)
    .map(([route, r]) => {
      const ready = route === READY_ROUTE;
      return { route, requests: r.requests, errors: ready ? 0 : r.errors, notReady: ready ? r.errors : 0 };
    })
    .sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route));
}
