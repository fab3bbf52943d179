import { beforeAll, describe, expect, it } from "vitest";
import { call, makeApp, type TestApp } from "../helpers/app.js";

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
