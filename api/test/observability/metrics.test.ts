import { describe, expect, it } from "vitest";
import { createMetrics } from "../../src/observability/metrics.js";

describe("createMetrics", () => {
  it("gives every app its own registry (no global collisions)", async () => {
    const a = createMetrics({ defaultMetrics: false });
    const b = createMetrics({ defaultMetrics: false });
    a.httpRequests.inc({ method: "GET", route: "/", status: "200", model: "" });
    expect(await a.registry.metrics()).toMatch(/http_requests_total\{[^}]*route="\/"[^}]*\} 1/);
    expect(await b.registry.metrics()).not.toContain('route="/"');
  });
  it("histograms inference latency by model", async () => {
    const m = createMetrics({ defaultMetrics: false });
    m.inferenceDuration.observe({ model: "dqn", kind: "onnx_run" }, 0.7);
    const text = await m.registry.metrics();
    expect(text).toContain('inference_duration_ms_bucket{le="1",service="edge-placement-api",model="dqn",kind="onnx_run"} 1');
  });
  it("can include the default process metrics", async () => {
    const m = createMetrics();
    expect(await m.registry.metrics()).toContain("process_cpu_user_seconds_total");
  });
});
