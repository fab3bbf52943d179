import { describe, expect, it } from "vitest";
import { apiPath, ApiError, call, errorFromResponse, simulateStream } from "../lib/client";

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

  it("streams a simulation: progress events, then the result, with the request it sent", async () => {
    let sent: RequestInit | undefined;
    const sse =
      'event: progress\ndata: {"done":1,"total":2,"summaries":[]}\n\n' +
      'event: progress\ndata: {"done":2,"total":2,"summaries":[]}\n\n' +
      'event: result\ndata: {"summaries":[],"tasks":2}\n\n';
    const fake: typeof fetch = async (_input, init) => {
      sent = init;
      return new Response(sse, { status: 200, headers: { "content-type": "text/event-stream" } });
    };
    const progress: number[] = [];
    const body = { num_nodes: 10, tasks: 2, seed: 1, policies: ["greedy"] };
    const r = await simulateStream(body, { signal: new AbortController().signal, onProgress: (p) => progress.push(p.done) }, fake);
    expect(progress).toEqual([1, 2]);
    expect(r.data).toEqual({ summaries: [], tasks: 2 });
    expect(r.request).toEqual({ method: "POST", path: "/simulate", accept: "text/event-stream", body: JSON.stringify(body) });
    expect(sent?.signal).toBeInstanceOf(AbortSignal);
  });

  it("turns a stream's error event or a stream without a result into an ApiError", async () => {
    const answer = (text: string): typeof fetch => async () => new Response(text, { status: 200 });
    const handlers = { signal: new AbortController().signal, onProgress: () => {} };
    const body = { num_nodes: 10, policies: ["greedy"] };
    await expect(simulateStream(body, handlers, answer('event: error\ndata: {"error":"internal_error","message":"the simulation failed"}\n\n'))).rejects.toMatchObject({
      code: "internal_error",
      message: "the simulation failed",
    });
    await expect(simulateStream(body, handlers, answer('event: progress\ndata: {"done":1,"total":2,"summaries":[]}\n\n'))).rejects.toMatchObject({ code: "incomplete_stream" });
  });
});
