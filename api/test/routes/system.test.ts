import { beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS } from "../../src/routes/system.js";
import { HAS_MODELS } from "../helpers/fixtures.js";
import { call, makeApp, type TestApp } from "../helpers/app.js";

describe("GET / /health /ready", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp());
  });

  it("GET / lists the service and its endpoints", async () => {
    const r = await call(app, "GET", "/");
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ service: "edge-placement-api", status: "running", docs: "/docs", health: "/health" });
    expect(r.json.endpoints).toEqual(ENDPOINTS);
    expect(r.headers.get("x-request-id")).toBeTruthy();
  });

  it("GET /health reports version, uptime and loaded models", async () => {
    const r = await call(app, "GET", "/health");
    expect(r.status).toBe(200);
    expect(typeof r.json.version).toBe("string");
    expect(r.json.uptime_seconds).toBeGreaterThanOrEqual(0);
    expect(r.json.status).toBe(HAS_MODELS ? "healthy" : "degraded");
    for (const name of r.json.loaded_models) expect(r.json.models_loaded[name]).toBe(true);
  });

  it("GET /ready is 200 with models, 503 without", async () => {
    const r = await call(app, "GET", "/ready");
    expect(r.status).toBe(HAS_MODELS ? 200 : 503);
    expect(r.json.ready).toBe(HAS_MODELS);
  });

  it("GET /ready is 503 before the models are loaded and with an empty models dir", async () => {
    const { app: fresh, deps } = await makeApp({ MODELS_DIR: "/nonexistent-dir" }, { load: false });
    expect((await call(fresh, "GET", "/ready")).status).toBe(503);
    await deps.registry.loadAll();
    const r = await call(fresh, "GET", "/ready");
    expect(r.status).toBe(503);
    expect(r.json.message).toContain("no model loaded");
    expect((await call(fresh, "GET", "/health")).json.status).toBe("degraded");
  });

  it("echoes a sane incoming x-request-id and replaces an unsafe one", async () => {
    const a = await app.request("/health", { headers: { "x-request-id": "abc-123" } });
    expect(a.headers.get("x-request-id")).toBe("abc-123");
    const b = await app.request("/health", { headers: { "x-request-id": "bad id\u0001" } });
    expect(b.headers.get("x-request-id")).not.toBe("bad id\u0001");
  });

  it("answers CORS preflights of the dashboard's origin, with the key header", async () => {
    const r = await app.request("/predict", {
      method: "OPTIONS",
      headers: { origin: "http://localhost:3000", "access-control-request-method": "POST", "access-control-request-headers": "content-type" },
    });
    expect(r.status).toBeLessThan(300);
    expect(r.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
    expect(r.headers.get("access-control-allow-headers")).toContain("x-api-key");
  });

  it("gives other origins no cross-origin access by default", async () => {
    const pre = await app.request("/predict", {
      method: "OPTIONS",
      headers: { origin: "http://evil.example", "access-control-request-method": "POST", "access-control-request-headers": "x-api-key" },
    });
    expect(pre.headers.get("access-control-allow-origin")).toBeNull();
    expect(pre.headers.get("access-control-allow-headers")).toBeNull();
    const get = await app.request("/health", { headers: { origin: "http://evil.example" } });
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("CORS_ORIGINS=* allows any origin but never the key header", async () => {
    const { app: any } = await makeApp({ CORS_ORIGINS: "*" }, { load: false });
    const r = await any.request("/predict", {
      method: "OPTIONS",
      headers: { origin: "http://evil.example", "access-control-request-method": "POST", "access-control-request-headers": "x-api-key" },
    });
    expect(r.headers.get("access-control-allow-origin")).toBe("*");
    expect(r.headers.get("access-control-allow-headers")).not.toContain("x-api-key");
  });

  it("restricts CORS to CORS_ORIGINS when set", async () => {
    const { app: strict } = await makeApp({ CORS_ORIGINS: "http://dash.example" }, { load: false });
    const ok = await strict.request("/health", { headers: { origin: "http://dash.example" } });
    expect(ok.headers.get("access-control-allow-origin")).toBe("http://dash.example");
    const no = await strict.request("/health", { headers: { origin: "http://evil.example" } });
    expect(no.headers.get("access-control-allow-origin")).toBeNull();
  });
});
