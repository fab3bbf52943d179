import { describe, expect, it } from "vitest";
import { apiPath, ApiError, call, errorFromResponse } from "../lib/client";

describe("client", () => {
  it("strips the proxy prefix from URLs", () => {
    expect(apiPath("http://localhost:3000/api/predict")).toBe("/predict");
    expect(apiPath("http://localhost:3000/api/models/dqn/load?x=1")).toBe("/models/dqn/load?x=1");
  });

  it("records the exact request and returns the body", async () => {
    let seen: { url: string; init?: RequestInit } | null = null;
    const fake: typeof fetch = async (input, init) => {
      seen = { url: String(input), init };
      return new Response(JSON.stringify({ selected_node: 3 }), {
        status: 200,
        headers: { "content-type": "application/json", "x-api-public-url": "http://127.0.0.1:8000" },
      });
    };
    const r = await call<{ selected_node: number }>((c) => c.predict.$post({ json: { network_state: { nodes: [], edges: [] } } }), fake);
    expect(r.data.selected_node).toBe(3);
    expect(r.request).toEqual({ method: "POST", path: "/predict", body: '{"network_state":{"nodes":[],"edges":[]}}' });
    expect(r.upstream).toBe("http://127.0.0.1:8000");
    expect(seen!.url).toBe("http://localhost/api/predict");
  });

  it("records a mid-episode request exactly as sent: link objects, backlogs and load", async () => {
    const fake: typeof fetch = async () => Response.json({ selected_node: 1 });
    const body = {
      network_state: {
        nodes: [
          { cpu_util: 0.2, mem_util: 0.3, energy: 100, latency: 5, bandwidth: 50, node_type: 0, backlog_ms: 0 },
          { cpu_util: 0.4, mem_util: 0.3, energy: 9000, latency: 2, bandwidth: 500, node_type: 1, backlog_ms: 812.5 },
        ],
        edges: [{ source: 0, target: 1, backlog_ms: 35, capacity_mbps: 40 }],
      },
      task: { source: 0, deadline_ms: 400 },
      load: 0.56,
    };
    const r = await call((c) => c.compare.$post({ json: body }), fake);
    expect(r.request.path).toBe("/compare");
    expect(JSON.parse(r.request.body!)).toEqual(body);
  });

  it("turns the API's error body into an ApiError", async () => {
    const fake: typeof fetch = async () =>
      Response.json({ error: "validation_error", message: "bad", issues: [{ path: "nodes[0]", message: "x" }] }, { status: 400 });
    await expect(call((c) => c.health.$get(), fake)).rejects.toMatchObject({ status: 400, code: "validation_error", issues: [{ path: "nodes[0]", message: "x" }] });
  });

  it("flags an unreachable API", async () => {
    const proxyDown: typeof fetch = async () => Response.json({ error: "api_unreachable", message: "down" }, { status: 502 });
    const e = await call((c) => c.health.$get(), proxyDown).catch((x: ApiError) => x);
    expect(e).toBeInstanceOf(ApiError);
    expect((e as ApiError).unreachable).toBe(true);
    const netFail: typeof fetch = async () => {
      throw new TypeError("fetch failed");
    };
    const e2 = await call((c) => c.health.$get(), netFail).catch((x: ApiError) => x);
    expect((e2 as ApiError).unreachable).toBe(true);
  });

  it("handles non-JSON error bodies", async () => {
    const e = await errorFromResponse(new Response("oops", { status: 500, statusText: "Internal" }));
    expect(e.code).toBe("http_500");
    expect(e.message).toBe("500 Internal");
  });
});
