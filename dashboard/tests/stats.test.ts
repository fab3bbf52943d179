import { describe, expect, it } from "vitest";
import { routeRows, statsRows, statsTotals } from "../lib/stats";
import type { StatsResponse } from "../lib/types";

// The shape api/src/observability/stats.ts produces.
const apiStats: StatsResponse = {
  uptime_s: 12.5,
  total_requests: 16,
  total_errors: 4,
  models: {
    ppo: { requests: 4, errors: 1, predictions: 3, latency: { count: 3, mean_ms: 1.1, p50_ms: 1, p95_ms: 2, p99_ms: 3, max_ms: 3 } },
    dqn: { requests: 0, errors: 0, predictions: 0, latency: { count: 0, mean_ms: 0, p50_ms: 0, p95_ms: 0, p99_ms: 0, max_ms: 0 } },
  },
  routes: {
    "POST /predict": { requests: 5, errors: 1 },
    "GET /health": { requests: 4, errors: 0 },
    "GET /ready": { requests: 7, errors: 3 },
  },
  loaded_models: ["ppo"],
};

describe("stats", () => {
  it("reads the API's per-model stats, sorted by name", () => {
    const rows = statsRows(apiStats);
    expect(rows.map((r) => r.model)).toEqual(["dqn", "ppo"]);
    expect(rows[1]).toEqual({ model: "ppo", requests: 4, errors: 1, errorRate: 0.25, predictions: 3, mean: 1.1, p50: 1, p95: 2, p99: 3 });
  });

  it("treats percentiles without samples as unknown, not zero", () => {
    const dqn = statsRows(apiStats)[0]!;
    expect([dqn.mean, dqn.p50, dqn.p95, dqn.p99]).toEqual([null, null, null, null]);
    expect(dqn.errorRate).toBe(0);
  });

  it("totals across models", () => {
    expect(statsTotals(statsRows(apiStats))).toEqual({ requests: 4, errors: 1, errorRate: 0.25 });
    expect(statsTotals([])).toEqual({ requests: 0, errors: 0, errorRate: 0 });
    expect(statsRows(null)).toEqual([]);
  });

  it("lists routes busiest first and counts the readiness probe's 503s as not-ready answers, not errors", () => {
    const rows = routeRows(apiStats);
    expect(rows.map((r) => r.route)).toEqual(["GET /ready", "POST /predict", "GET /health"]);
    expect(rows[0]).toEqual({ route: "GET /ready", requests: 7, errors: 0, notReady: 3 });
    expect(rows[1]).toEqual({ route: "POST /predict", requests: 5, errors: 1, notReady: 0 });
  });
});
