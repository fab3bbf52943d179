/** /stats of a cluster: several workers' metrics aggregated by prom-client, then summarised. */
import { AggregatorRegistry } from "prom-client";
import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/observability/metrics.js";
import { statsFromMetrics } from "../../src/routes/observability.js";
import type { MetricsJSON } from "../../src/runtime/server-view.js";

describe("statsFromMetrics over aggregated workers", () => {
  it("sums requests, errors and latency counts of every worker", async () => {
    const a = createMetrics({ defaultMetrics: false });
    const b = createMetrics({ defaultMetrics: false });
    const labels = { method: "POST", route: "/predict", model: "hybrid" };
    a.httpRequests.inc({ ...labels, status: "200" }, 3);
    a.httpDuration.observe({ ...labels, status: "200" }, 0.002);
    b.httpRequests.inc({ ...labels, status: "200" }, 2);
    b.httpRequests.inc({ ...labels, status: "422" }, 1);
    b.httpDuration.observe({ ...labels, status: "200" }, 0.004);
    const merged = (await AggregatorRegistry.aggregate([await a.registry.getMetricsAsJSON(), await b.registry.getMetricsAsJSON()]).getMetricsAsJSON()) as MetricsJSON;
    const s = statsFromMetrics(merged, 1);
    expect(s.total_requests).toBe(6);
    expect(s.total_errors).toBe(1);
    expect(s.routes["POST /predict"]).toEqual({ requests: 6, errors: 1 });
    expect(s.models.hybrid).toMatchObject({ requests: 6, errors: 1, latency: { count: 2 } });
  });
});
