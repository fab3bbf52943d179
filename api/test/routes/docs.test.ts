import { beforeAll, describe, expect, it } from "vitest";
import { ENDPOINTS } from "../../src/routes/system.js";
import { call, makeApp, type TestApp } from "../helpers/app.js";

describe("GET /openapi.json and /docs", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp({}, { load: false }));
  });

  it("documents every endpoint with generated schemas", async () => {
    const r = await call(app, "GET", "/openapi.json");
    expect(r.status).toBe(200);
    expect(r.json.openapi).toMatch(/^3\./);
    const paths = r.json.paths as Record<string, Record<string, unknown>>;
    for (const e of ENDPOINTS.filter((e) => !e.endsWith("/docs") && !e.endsWith("/openapi.json"))) {
      const [method, path] = e.split(" ") as [string, string];
      expect(paths[path]?.[method.toLowerCase()], e).toBeDefined();
    }
    expect(r.json.components.schemas.PredictRequest).toBeDefined();
    expect(r.json.components.schemas.Error).toBeDefined();
  });

  it("its /predict example is a valid request (Swagger UI sends it as is)", async () => {
    const doc = (await call(app, "GET", "/openapi.json")).json;
    const example = doc.components.schemas.PredictRequest.example;
    expect(example.network_state.nodes.length).toBeGreaterThan(1);
    const r = await call(app, "POST", "/compare", { network_state: example.network_state, task: example.task });
    expect(r.status).toBe(200);
  });

  it("serves Swagger UI with its assets locally", async () => {
    const r = await app.request("/docs");
    expect(r.status).toBe(200);
    const html = await r.text();
    expect(html).toContain("SwaggerUIBundle");
    expect(html).toContain("/openapi.json");
    const m = /src="([^"]*swagger-ui-bundle\.js)"/.exec(html);
    expect(m).not.toBeNull();
    if (m![1]!.startsWith("/")) {
      const js = await app.request(m![1]!);
      expect(js.status).toBe(200);
      expect((await js.text()).length).toBeGreaterThan(100_000);
    }
  });

  it("answers the browser's favicon request without a 404", async () => {
    expect((await app.request("/favicon.ico")).status).toBe(204);
  });
});

describe("OpenAPI operations", () => {
  it("every operation has a unique operationId and every error status its own example", async () => {
    const { app } = await makeApp({}, { load: false });
    const doc = (await (await app.request("/openapi.json")).json()) as {
      paths: Record<string, Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, { example?: { status: number; error: string }; examples?: Record<string, { value: { status: number } }> }> }> }>>;
    };
    const ids: string[] = [];
    const examplesByStatus = new Map<string, Set<string>>();
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z]+$/);
        ids.push(op.operationId!);
        for (const [status, res] of Object.entries(op.responses)) {
          // /ready's 503 is its readiness body; /v2 answers errors in the Open Inference Protocol's JSON.
          if (Number(status) < 400 || path === "/ready" || path.startsWith("/v2")) continue;
          const media = res.content?.["application/problem+json"];
          expect(media, `${method} ${path} ${status}`).toBeDefined();
          const values = media!.example ? [media!.example] : Object.values(media!.examples ?? {}).map((e) => e.value);
          expect(values.length, `${method} ${path} ${status}`).toBeGreaterThan(0);
          for (const v of values) {
            expect(v.status, `${method} ${path} ${status}`).toBe(Number(status));
            const set = examplesByStatus.get(status) ?? new Set();
            set.add(JSON.stringify(v));
            examplesByStatus.set(status, set);
          }
        }
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
    // No two statuses share one example body.
    const all = [...examplesByStatus.values()].flatMap((s) => [...s]);
    expect(new Set(all).size).toBe(all.length);
  });
});
