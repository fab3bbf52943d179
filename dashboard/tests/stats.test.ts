import { describe, expect, it } from "vitest";
import { normalizeStats, routeStats, statsTotals, statsUptime } from "../lib/stats";

// The shape api/src/observability/stats.ts produces.
const apiStats = {
  uptime_s: 12.5,
  total_requests: 9,
  total_errors: 1,
  models: {
    ppo: { requests: 4, errors: 1, predictions: 3, latency: { count: 3, mean_ms: 1.1, p50_ms: 1, p95_ms: 2, p99_ms: 3, max_ms: 3 } },
    dqn: { requests: 0, errors: 0, predictions: 0, latency: { count: 0, mean_ms: 0, p50_ms: 0, p95_ms: 0, p99_ms: 0, max_ms: 0 } },
  },
  routes: { "POST /predict": { requests: 5, errors: 1 }, "GET /health": { requests: 4, errors: 0 } },
};

describe("stats", () => {
  it("reads the API's per-model stats", () => {
    const rows = normalizeStats(apiStats);
    expect(rows.map((r) => r.model)).toEqual(["dqn", "ppo"]);
    const ppo = rows[1]!;
    expect(ppo).toMatchObject({ requests: 4, errors: 1, predictions: 3, mean: 1.1, p50: 1, p95: 2, p99: 3 });
    expect(ppo.errorRate).toBeCloseTo(0.25);
  });

  it("treats percentiles without samples as unknown, not zero", () => {
    const dqn = normalizeStats(apiStats)[0]!;
    expect(dqn.p50).toBeNull();
    expect(dqn.p99).toBeNull();
    expect(dqn.errorRate).toBe(0);
  });

  it("accepts arrays and flat percentile fields", () => {
    const rows = normalizeStats({ models: [{ name: "hybrid", requests: 10, errors: 0, p50: 0.5, p95_ms: 0.9, latency_p99_ms: 1.2 }] });
    expect(rows).toEqual([{ model: "hybrid", requests: 10, errors: 0, errorRate: 0, predictions: null, mean: null, p50: 0.5, p95: 0.9, p99: 1.2 }]);
  });

  it("returns nothing for junk", () => {
    expect(normalizeStats(null)).toEqual([]);
    expect(normalizeStats("x")).toEqual([]);
    expect(normalizeStats({ models: { a: 3 } })).toEqual([]);
  });

  it("totals across models", () => {
    const totals = statsTotals(normalizeStats(apiStats));
    expect(totals).toEqual({ requests: 4, errors: 1, errorRate: 0.25 });
    expect(statsTotals([])).toEqual({ requests: 0, errors: 0, errorRate: 0 });
  });

  it("lists routes busiest first and reads uptime", () => {
    expect(routeStats(apiStats).map((r) => r.route)).toEqual(["POST /predict", "GET /health"]);
    expect(statsUptime(apiStats)).toBe(12.5);
    expect(routeStats({})).toEqual([]);
  });
});
