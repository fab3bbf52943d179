import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/observability/metrics.js";

describe("createMetrics", () => {
  it("gives every app its own registry (no global collisions)", async () => {
    const a = createMetrics({ defaultMetrics: false });
    const b = createMetrics({ defaultMetrics: false });
    a.httpRequests.inc({ method: "GET", route: "/", status: "200", model: "" });
    expect(await a.registry.metrics()).toMatch(/^edge_placement_http_requests_total\{[^}]*route="\/"[^}]*\} 1/m);
    expect(await b.registry.metrics()).not.toContain('route="/"');
  });
  it("histograms inference latency by model", async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.inferenceDuration.observe({ model: "dqn", kind: "onnx_run" }, 0.0007);
    const text = await m.registry.metrics();
    expect(text).toContain('edge_placement_inference_duration_seconds_bucket{le="0.001",service="edge-placement-api",model="dqn",kind="onnx_run"} 1');
    expect(text).toContain('edge_placement_inference_duration_seconds_bucket{le="0.0005",service="edge-placement-api",model="dqn",kind="onnx_run"} 0');
  });
  it("can include the default process metrics", async () => {
    const m = createMetrics();
    expect(await m.registry.metrics()).toContain("process_cpu_user_seconds_total");
  });
});
