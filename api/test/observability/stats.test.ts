import { describe, expect, it } from "vitest";
import { LatencyWindow, StatsCollector } from "../../src/observability/stats.js";

describe("LatencyWindow", () => {
  it("computes nearest-rank percentiles", () => {
    const w = new LatencyWindow(1000);
    for (let i = 1; i <= 100; i++) w.record(i);
    expect(w.summary()).toEqual({ count: 100, mean_ms: 50.5, p50_ms: 50, p95_ms: 95, p99_ms: 99, max_ms: 100 });
  });
  it("keeps only the most recent `capacity` samples", () => {
    const w = new LatencyWindow(10);
    for (let i = 0; i < 100; i++) w.record(i < 90 ? 1000 : 1);
    expect(w.summary().max_ms).toBe(1);
    expect(w.summary().count).toBe(10);
  });
  it("is all zeros when empty", () => expect(new LatencyWindow().summary().p99_ms).toBe(0));
});

describe("StatsCollector", () => {
  it("counts requests, errors and predictions per model and route", () => {
    const s = new StatsCollector();
    s.recordInference("hybrid", 2, 1);
    s.recordInference("hybrid", 4, 256);
    s.recordModelError("hybrid");
    s.recordRequest("POST /predict", 200);
    s.recordRequest("POST /predict", 422);
    const snap = s.snapshot();
    expect(snap.models.hybrid).toMatchObject({ requests: 3, errors: 1, predictions: 257 });
    expect(snap.models.hybrid!.latency.count).toBe(2);
    expect(snap.routes["POST /predict"]).toEqual({ requests: 2, errors: 1 });
    expect(snap.total_requests).toBe(2);
    expect(snap.total_errors).toBe(1);
  });
});
