import { beforeAll, describe, expect, it } from "vitest";
import { createMetrics } from "../../src/observability/metrics.js";
import { latencyOf, statsFromMetrics } from "../../src/routes/observability.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { call, makeApp, type TestApp } from "../helpers/app.js";
import { HAS_MODELS } from "../helpers/fixtures.js";

describe("GET /metrics and /stats", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp({}, { load: false }));
    await call(app, "GET", "/health");
    await call(app, "POST", "/networks/generate", { num_nodes: 4, seed: 1 });
    await call(app, "POST", "/predict", "{oops");
  });

  it("serves Prometheus text with requests by route and status", async () => {
    const r = await app.request("/metrics");
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/plain");
    const text = await r.text();
    expect(text).toContain("# TYPE edge_placement_http_requests_total counter");
    expect(text).toMatch(/edge_placement_http_requests_total\{[^}]*route="\/health"[^}]*status="200"/);
    expect(text).toMatch(/edge_placement_http_requests_total\{[^}]*route="\/predict"[^}]*status="400"/);
    expect(text).toContain("# TYPE edge_placement_http_request_duration_seconds histogram");
    expect(text).toContain("# TYPE edge_placement_inference_duration_seconds histogram");
    expect(text).toContain("edge_placement_models_loaded");
    // Every metric of the service carries the namespace; durations are in seconds.
    const own = [...text.matchAll(/^# TYPE (\S+)/gm)].map((m) => m[1]!).filter((n) => !n.startsWith("process_") && !n.startsWith("nodejs_"));
    expect(own.length).toBeGreaterThan(4);
    for (const name of own) expect(name).toMatch(/^edge_placement_/);
    expect(own.filter((n) => /_ms$|_milliseconds$/.test(n))).toEqual([]);
  });

  it("never labels metrics with unknown model names (bounded cardinality)", async () => {
    const net = { nodes: [0, 1].map(() => ({ cpu_util: 0.1, mem_util: 0.1, energy: 100, latency: 1, bandwidth: 10, queue_len: 0, node_type: 0 })), edges: [[0, 1]] };
    const r = await call(app, "POST", "/predict", { network_state: net, model_type: "made-up-name-123" });
    expect(r.status).toBe(404);
    expect(await (await app.request("/metrics")).text()).not.toContain("made-up-name-123");
    expect(JSON.stringify((await call(app, "GET", "/stats")).json)).not.toContain("made-up-name-123");
  });

  it("serves the same as JSON for the dashboard", async () => {
    const r = await call(app, "GET", "/stats");
    expect(r.status).toBe(200);
    expect(r.json.routes["GET /health"].requests).toBeGreaterThanOrEqual(1);
    expect(r.json.routes["POST /predict"].errors).toBeGreaterThanOrEqual(1);
    expect(r.json.total_requests).toBeGreaterThanOrEqual(3);
    expect(r.json.models).toEqual({});
    expect(Array.isArray(r.json.loaded_models)).toBe(true);
  });
});

describe("/stats is read from the prom-client registry", () => {
  it("estimates quantiles within the histogram's buckets", async () => {
    const m = createMetrics({ defaultMetrics: false });
    const base = { method: "POST", route: "/predict", status: "200", model: "hybrid" };
    for (let i = 0; i < 90; i++) m.httpDuration.observe(base, 0.0015); // (0.001, 0.002]
    for (let i = 0; i < 10; i++) m.httpDuration.observe(base, 0.03); // (0.02, 0.05]
    m.httpDuration.observe({ ...base, status: "422" }, 0.9); // failures are not latency samples
    const json = (await m.registry.getMetricsAsJSON()) as Parameters<typeof statsFromMetrics>[0];
    const lat = latencyOf(json.find((x) => x.name === "edge_placement_http_request_duration_seconds")!.values.filter((v) => v.labels.status === "200"));
    expect(lat.count).toBe(100);
    expect(lat.mean_ms).toBeCloseTo((90 * 1.5 + 10 * 30) / 100, 6);
    expect(lat.p50_ms).toBeGreaterThan(1);
    expect(lat.p50_ms).toBeLessThanOrEqual(2);
    expect(lat.p95_ms).toBeGreaterThan(20);
    expect(lat.p95_ms).toBeLessThanOrEqual(50);
    expect(lat.max_ms).toBe(50);
    m.httpRequests.inc(base, 100);
    m.httpRequests.inc({ ...base, status: "422" }, 1);
    const stats = statsFromMetrics((await m.registry.getMetricsAsJSON()) as Parameters<typeof statsFromMetrics>[0], 1);
    expect(stats.models.hybrid).toMatchObject({ requests: 101, errors: 1, latency: { count: 100 } });
    expect(stats.routes["POST /predict"]).toEqual({ requests: 101, errors: 1 });
    expect(stats.total_errors).toBe(1);
  });

  it.skipIf(!HAS_MODELS)("counts what /metrics counts", async () => {
    const { app } = await makeApp();
    const net = generateNetwork(12, 5);
    for (let i = 0; i < 3; i++) expect((await call(app, "POST", "/predict", { network_state: net, model_type: "dqn" })).status).toBe(200);
    expect((await call(app, "POST", "/predict", { network_state: { ...net, nodes: net.nodes.map((n) => ({ ...n, cpu_util: 0.99 })) }, model_type: "dqn" })).status).toBe(422);
    const stats = (await call(app, "GET", "/stats")).json;
    expect(stats.models.dqn).toMatchObject({ requests: 4, errors: 1, predictions: 3 });
    expect(stats.models.dqn.latency.count).toBe(3);
    expect(stats.models.dqn.latency.p50_ms).toBeGreaterThan(0);
    const text = await (await app.request("/metrics")).text();
    const counted = [...text.matchAll(/^edge_placement_http_requests_total\{[^}]*model="dqn"[^}]*\} (\d+)/gm)].reduce((a, m) => a + Number(m[1]), 0);
    expect(counted).toBe(4);
  });
});
