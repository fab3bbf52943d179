/** mergeStats: several workers' statistics as one server's. */
import { describe, expect, it } from "vitest";
import { mergeStats, StatsCollector } from "../../src/observability/stats.js";

describe("mergeStats", () => {
  it("sums counts and takes percentiles over every worker's latencies", () => {
    const a = new StatsCollector();
    const b = new StatsCollector();
    for (let i = 1; i <= 50; i++) a.recordInference("hybrid", i, 1);
    for (let i = 51; i <= 100; i++) b.recordInference("hybrid", i, 2);
    b.recordModelError("hybrid");
    a.recordRequest("POST /predict", 200);
    b.recordRequest("POST /predict", 503);
    b.recordRequest("GET /health", 200);
    const s = mergeStats([a.exportState(), b.exportState()]);
    expect(s.models.hybrid).toMatchObject({ requests: 101, errors: 1, predictions: 150 });
    expect(s.models.hybrid!.latency).toMatchObject({ count: 100, p50_ms: 50, p99_ms: 99, max_ms: 100, mean_ms: 50.5 });
    expect(s.routes).toEqual({ "GET /health": { requests: 1, errors: 0 }, "POST /predict": { requests: 2, errors: 1 } });
    expect(s.total_requests).toBe(3);
    expect(s.total_errors).toBe(1);
  });

  it("is one collector's snapshot for one worker", () => {
    const a = new StatsCollector();
    a.recordInference("dqn", 3, 1);
    const { uptime_s: _u1, ...one } = a.snapshot();
    const { uptime_s: _u2, ...merged } = mergeStats([a.exportState()]);
    expect(merged).toEqual(one);
  });
});
