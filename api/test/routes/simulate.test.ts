/** POST /simulate: answer shape, determinism, SSE, limits and policy names. */
import { describe, expect, it } from "vitest";
import { generateNetwork } from "../../src/simulation/generator.js";
import { call, expectErrorShape, makeApp, type TestApp } from "../helpers/app.js";
import { HAS_MODELS } from "../helpers/fixtures.js";

const app: TestApp = (await makeApp({ SIM_MAX_TASKS: "400", SIM_MAX_WORK: "60000", SIM_MAX_PLANNER_WORK: "3000" })).app;

const BODY = { num_nodes: 12, network_seed: 3, load: 0.9, tasks: 150, seed: 5, policies: ["greedy", "planner", "jsed"] };

/** Parse an SSE body into its events. */
function events(text: string): { event: string; data: string }[] {
  return text
    .split("\n\n")
    .filter((b) => b.trim().length > 0)
    .map((block) => {
      const lines = block.split("\n");
      const event = lines.find((l) => l.startsWith("event:"))?.slice(6).trim() ?? "message";
      const data = lines
        .filter((l) => l.startsWith("data:"))
        .map((l) => l.slice(5).replace(/^ /, ""))
        .join("\n");
      return { event, data };
    });
}

describe("POST /simulate", () => {
  it("answers summaries, a trace and the network used", async () => {
    const r = await call(app, "POST", "/simulate", BODY);
    expect(r.status).toBe(200);
    const a = r.json;
    expect(a.summaries.map((s: { policy: string }) => s.policy)).toEqual(BODY.policies);
    expect(a).toMatchObject({ num_nodes: 12, network_seed: 3, load: 0.9, tasks: 150, seed: 5, warmup_tasks: 50, bursts: true, trace_every: 1 });
    expect(a.network_state).toEqual(JSON.parse(JSON.stringify(generateNetwork(12, 3))));
    const t = a.trace;
    expect(t.steps).toBe(150);
    expect(t.tasks.source).toHaveLength(150);
    for (const s of a.summaries) {
      const p = t.policies[s.policy];
      expect(p.node).toHaveLength(150);
      // the summary's return is the sum of the trace's rewards (rounded to 1e-6 each)
      const sum = p.reward.reduce((x: number, y: number) => x + y, 0);
      expect(Math.abs(sum - s.return)).toBeLessThan(150 * 1e-6);
      expect(s.dropped).toBe(p.node.filter((v: number) => v < 0).length);
      expect(p.backlog_ms).toHaveLength(t.sample_steps.length);
      expect(p.backlog_ms[0]).toHaveLength(12);
      expect(p.link_backlog_ms[0]).toHaveLength(a.network_state.edges.length);
    }
    const byName = Object.fromEntries(a.summaries.map((s: { policy: string }) => [s.policy, s]));
    expect(byName.greedy.normalized_score).toBe(0);
    expect(byName.planner.normalized_score).toBe(1);
  });

  it("is deterministic for a seed, and another seed gives another stream", async () => {
    const a = await call(app, "POST", "/simulate", BODY);
    const b = await call(app, "POST", "/simulate", BODY);
    expect(b.text).toBe(a.text);
    const c = await call(app, "POST", "/simulate", { ...BODY, seed: 6 });
    expect(c.json.trace.tasks.source).not.toEqual(a.json.trace.tasks.source);
  });

  it("normalized_score is null without the planner; trace_every samples backlogs", async () => {
    const r = await call(app, "POST", "/simulate", { ...BODY, policies: ["greedy", "least_loaded"], trace_every: 40 });
    expect(r.status).toBe(200);
    expect(r.json.summaries.every((s: { normalized_score: unknown }) => s.normalized_score === null)).toBe(true);
    expect(r.json.trace.sample_steps).toEqual([0, 40, 80, 120]);
  });

  it("bursts: false is a stream without bursts", async () => {
    const on = await call(app, "POST", "/simulate", { ...BODY, policies: ["greedy"] });
    const off = await call(app, "POST", "/simulate", { ...BODY, policies: ["greedy"], bursts: false });
    expect(on.json.trace.tasks.burst).toContain(1);
    expect(off.json.trace.tasks.burst).not.toContain(1);
    expect(off.json.bursts).toBe(false);
  });

  it("runs on a network_state", async () => {
    const net = generateNetwork(8, 2);
    const r = await call(app, "POST", "/simulate", { network_state: net, tasks: 20, seed: 1, policies: ["nearest"] });
    expect(r.status).toBe(200);
    expect(r.json.network_seed).toBeNull();
    expect(r.json.num_nodes).toBe(8);
  });

  it("streams progress then one result equal to the JSON answer", async () => {
    const json = await call(app, "POST", "/simulate", BODY);
    const res = await app.request("/simulate", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify(BODY),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/event-stream");
    const evs = events(await res.text());
    const last = evs[evs.length - 1]!;
    expect(last.event).toBe("result");
    expect(evs.filter((e) => e.event === "result")).toHaveLength(1);
    const progress = evs.filter((e) => e.event === "progress").map((e) => JSON.parse(e.data));
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(evs.slice(0, -1).every((e) => e.event === "progress")).toBe(true);
    const done = progress.map((p) => p.done);
    expect([...done].sort((x, y) => x - y)).toEqual(done);
    expect(progress[progress.length - 1]).toMatchObject({ done: 150, total: 150 });
    expect(progress[progress.length - 1].summaries).toEqual(json.json.summaries);
    expect(JSON.parse(last.data)).toEqual(json.json);
  });
});

describe("POST /simulate limits and names (422 before any work)", () => {
  const cases: [string, Record<string, unknown>, string, string][] = [
    ["SIM_MAX_TASKS", { ...BODY, tasks: 401 }, "tasks", "at most 400 tasks (SIM_MAX_TASKS)"],
    // the warm-up alone: max(50, N) greedy placements on every node of a large given network
    ["SIM_MAX_WORK", { network_state: generateNetwork(250, 1), tasks: 1, policies: ["greedy"] }, "tasks", "(250 + 1 x 1) x 250 = 62750 is over SIM_MAX_WORK"],
    ["SIM_MAX_WORK", { ...BODY, num_nodes: 100, tasks: 301, policies: ["greedy", "jsed"] }, "tasks", "(warm-up + tasks x policies) x nodes = (100 + 301 x 2) x 100 = 70200 is over SIM_MAX_WORK = 60000"],
    ["SIM_MAX_PLANNER_WORK", { ...BODY, tasks: 300 }, "policies[1]", "tasks x nodes = 300 x 12 = 3600 is over SIM_MAX_PLANNER_WORK = 3000"],
  ];
  it.each(cases)("%s", async (limit, body, path, text) => {
    const r = await call(app, "POST", "/simulate", body);
    expect(r.status).toBe(422);
    expectErrorShape(r);
    const issue = r.json.issues.find((i: { path: string }) => i.path === path);
    expect(issue.message).toContain(limit);
    expect(issue.message).toContain(text);
  });

  it("names unknown and repeated policies", async () => {
    const r = await call(app, "POST", "/simulate", { ...BODY, policies: ["greedy", "best", "greedy"] });
    expect(r.status).toBe(422);
    expect(r.json.issues).toEqual([
      { path: "policies[1]", message: expect.stringContaining("unknown policy 'best'") },
      { path: "policies[2]", message: "'greedy' is listed twice" },
    ]);
  });

  it("needs exactly one of num_nodes and network_state", async () => {
    const none = await call(app, "POST", "/simulate", { tasks: 10, policies: ["greedy"] });
    expect(none.status).toBe(422);
    expect(none.json.issues[0].path).toBe("num_nodes");
    const both = await call(app, "POST", "/simulate", { num_nodes: 5, network_state: generateNetwork(5, 1), tasks: 10, policies: ["greedy"] });
    expect(both.status).toBe(422);
  });
});

describe.skipIf(!HAS_MODELS)("POST /simulate with a learned policy", () => {
  it("runs the model in the loop next to the baselines", async () => {
    const r = await call(app, "POST", "/simulate", { ...BODY, policies: ["hybrid", "greedy", "planner"] });
    expect(r.status).toBe(200);
    const hybrid = r.json.summaries[0];
    expect(hybrid).toMatchObject({ policy: "hybrid", kind: "learned", tasks: 150 });
    expect(typeof hybrid.normalized_score).toBe("number");
    // the answer names the version that decided: the active one, and no version for baselines
    const active = (await call(app, "GET", "/models/hybrid")).json.model_version;
    expect(hybrid.model_version).toBe(active);
    expect(r.json.summaries.slice(1).map((s: { model_version: unknown }) => s.model_version)).toEqual([null, null]);
  });
});

describe("POST /simulate stops when the client goes away", () => {
  const big = makeApp();
  const BIG = { num_nodes: 50, network_seed: 1, load: 0.9, tasks: 4000, seed: 2 };

  it("JSON: an aborted request ends the run early (a 503 instead of the full episode)", async () => {
    const { app } = await big;
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 150);
    const res = await app.request("/simulate", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ ...BIG, policies: ["planner"] }),
      signal: abort.signal,
    });
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: string }).error).toBe("aborted");
  });

  it.skipIf(!HAS_MODELS)("SSE: closing the stream stops the model's decisions", async () => {
    const { app, deps } = await big;
    const decisions = async () => (await deps.metrics.inferenceNetworks.get()).values.reduce((s, v) => s + v.value, 0);
    const before = await decisions();
    const res = await app.request("/simulate", {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ ...BIG, policies: ["hybrid"] }),
    });
    const reader = res.body!.getReader();
    let text = "";
    while (!text.includes("event: progress")) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
    await new Promise((r) => setTimeout(r, 200));
    const settled = await decisions();
    await new Promise((r) => setTimeout(r, 300));
    expect(await decisions()).toBe(settled);
    expect(settled - before).toBeLessThan(4000);
  });
});

describe("POST /simulate in the OpenAPI document", () => {
  it("documents the request with its example and both answers (JSON and text/event-stream)", async () => {
    const doc = (await call(app, "GET", "/openapi.json")).json;
    const op = doc.paths["/simulate"].post;
    expect(Object.keys(op.responses[200].content).sort()).toEqual(["application/json", "text/event-stream"]);
    expect(op.responses[422]).toBeDefined();
    const req = doc.components.schemas.SimulateRequest;
    expect(req.example).toEqual({ num_nodes: 50, network_seed: 1, load: 0.7, tasks: 1000, seed: 7, policies: ["hybrid", "greedy", "planner"] });
    expect(Object.keys(doc.components.schemas.PolicySummary.properties)).toEqual(
      expect.arrayContaining(["policy", "kind", "return", "deadline_met_rate", "mean_latency_ms", "p95_latency_ms", "energy_j", "dropped", "normalized_score"]),
    );
    expect(op.description).toContain("SIM_MAX_WORK");
  });
});
