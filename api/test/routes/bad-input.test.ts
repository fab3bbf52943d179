/**
 * The bad-input table: every malformed request gets its 4xx and the {error, message, issues?} shape,
 * never a 500. Runs without any model on disk (validation happens before a model is looked up).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { generateNetwork } from "../../src/simulation/generator.js";
import { call, expectErrorShape, makeApp, type TestApp } from "../helpers/app.js";
import { tempDir } from "../helpers/temp.js";

const net = generateNetwork(6, 1);
const nodes = net.nodes;
const withNode = (i: number, patch: Record<string, unknown>) => ({
  network_state: { nodes: nodes.map((n, k) => (k === i ? { ...n, ...patch } : n)), edges: net.edges },
});
const withoutField = (field: string) => ({
  network_state: {
    nodes: nodes.map((n, k) => {
      if (k !== 0) return n;
      const copy: Record<string, unknown> = { ...n };
      delete copy[field];
      return copy;
    }),
    edges: net.edges,
  },
});
const withEdges = (edges: unknown) => ({ network_state: { nodes, edges } });
const ok = { network_state: net };

interface Case {
  name: string;
  method?: string;
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
  error: string;
  issuePath?: string;
}

const dead = { network_state: { nodes: nodes.map((n) => ({ ...n, cpu_util: 0.99 })), edges: net.edges } };

const CASES: Case[] = [
  { name: "malformed JSON", path: "/predict", body: '{"network_state": ', status: 400, error: "bad_request" },
  { name: "empty JSON body", path: "/predict", body: "", status: 400, error: "bad_request" },
  { name: "NaN literal", path: "/predict", body: '{"network_state":{"nodes":[{"cpu_util":NaN}],"edges":[]}}', status: 400, error: "bad_request" },
  { name: "Infinity literal", path: "/predict", body: '{"network_state":{"nodes":[{"cpu_util":Infinity}],"edges":[]}}', status: 400, error: "bad_request" },
  { name: "text/plain content type", path: "/predict", body: JSON.stringify(ok), headers: { "content-type": "text/plain" }, status: 415, error: "unsupported_media_type" },
  { name: "form content type", path: "/predict", body: "a=1", headers: { "content-type": "application/x-www-form-urlencoded" }, status: 415, error: "unsupported_media_type" },
  { name: "JSON array body", path: "/predict", body: [ok], status: 422, error: "validation_error" },
  { name: "null body", path: "/predict", body: "null", status: 422, error: "validation_error" },
  { name: "missing network_state", path: "/predict", body: { model_type: "hybrid" }, status: 422, error: "validation_error", issuePath: "network_state" },
  { name: "network_state is a string", path: "/predict", body: { network_state: "graph" }, status: 422, error: "validation_error", issuePath: "network_state" },
  { name: "nodes is not an array", path: "/predict", body: { network_state: { nodes: {}, edges: [] } }, status: 422, error: "validation_error", issuePath: "network_state.nodes" },
  { name: "missing cpu_util", path: "/predict", body: withoutField("cpu_util"), status: 422, error: "validation_error", issuePath: "network_state.nodes[0].cpu_util" },
  { name: "missing node_type", path: "/predict", body: withoutField("node_type"), status: 422, error: "validation_error", issuePath: "network_state.nodes[0].node_type" },
  { name: "cpu_util as a string", path: "/predict", body: withNode(1, { cpu_util: "0.5" }), status: 422, error: "validation_error", issuePath: "network_state.nodes[1].cpu_util" },
  { name: "cpu_util above 1", path: "/predict", body: withNode(2, { cpu_util: 1.5 }), status: 422, error: "validation_error", issuePath: "network_state.nodes[2].cpu_util" },
  { name: "mem_util negative", path: "/predict", body: withNode(0, { mem_util: -0.1 }), status: 422, error: "validation_error", issuePath: "network_state.nodes[0].mem_util" },
  { name: "energy negative", path: "/predict", body: withNode(0, { energy: -1 }), status: 422, error: "validation_error", issuePath: "network_state.nodes[0].energy" },
  { name: "bandwidth zero", path: "/predict", body: withNode(3, { bandwidth: 0 }), status: 422, error: "validation_error", issuePath: "network_state.nodes[3].bandwidth" },
  { name: "queue_len negative", path: "/predict", body: withNode(0, { queue_len: -2 }), status: 422, error: "validation_error", issuePath: "network_state.nodes[0].queue_len" },
  { name: "backlog_ms negative", path: "/predict", body: withNode(2, { backlog_ms: -1 }), status: 422, error: "validation_error", issuePath: "network_state.nodes[2].backlog_ms" },
  { name: "backlog_ms above 1e9", path: "/predict", body: withNode(2, { backlog_ms: 2e9 }), status: 422, error: "validation_error", issuePath: "network_state.nodes[2].backlog_ms" },
  { name: "backlog_ms as a string", path: "/predict", body: withNode(1, { backlog_ms: "5" }), status: 422, error: "validation_error", issuePath: "network_state.nodes[1].backlog_ms" },
  { name: "node_type 3", path: "/predict", body: withNode(0, { node_type: 3 }), status: 422, error: "validation_error", issuePath: "network_state.nodes[0].node_type" },
  { name: "node_type 1.5", path: "/predict", body: withNode(0, { node_type: 1.5 }), status: 422, error: "validation_error", issuePath: "network_state.nodes[0].node_type" },
  { name: "latency 1e400 (parses to Infinity)", path: "/predict", body: JSON.stringify(withNode(0, { latency: 1 })).replace('"latency":1', '"latency":1e400'), status: 422, error: "validation_error", issuePath: "network_state.nodes[0].latency" },
  { name: "null field", path: "/predict", body: withNode(0, { energy: null }), status: 422, error: "validation_error", issuePath: "network_state.nodes[0].energy" },
  { name: "edge to a missing node", path: "/predict", body: withEdges([[0, 6]]), status: 422, error: "validation_error", issuePath: "network_state.edges[0]" },
  { name: "self-loop", path: "/predict", body: withEdges([[0, 1], [2, 2]]), status: 422, error: "validation_error", issuePath: "network_state.edges[1]" },
  { name: "negative edge index", path: "/predict", body: withEdges([[-1, 2]]), status: 422, error: "validation_error", issuePath: "network_state.edges[0][0]" },
  { name: "edge with one end", path: "/predict", body: withEdges([[1]]), status: 422, error: "validation_error", issuePath: "network_state.edges[0]" },
  { name: "fractional edge index", path: "/predict", body: withEdges([[0.5, 1]]), status: 422, error: "validation_error", issuePath: "network_state.edges[0][0]" },
  { name: "edge with three ends", path: "/predict", body: withEdges([[0, 1, 2]]), status: 422, error: "validation_error", issuePath: "network_state.edges[0]" },
  { name: "edge as a string", path: "/predict", body: withEdges(["0-1"]), status: 422, error: "validation_error", issuePath: "network_state.edges[0]" },
  { name: "edge object with an unknown key", path: "/predict", body: withEdges([{ source: 0, target: 1, weight: 3 }]), status: 422, error: "validation_error", issuePath: "network_state.edges[0]" },
  { name: "edge object without target", path: "/predict", body: withEdges([[0, 1], { source: 0 }]), status: 422, error: "validation_error", issuePath: "network_state.edges[1].target" },
  { name: "edge object with capacity 0", path: "/predict", body: withEdges([{ source: 0, target: 1, capacity_mbps: 0 }]), status: 422, error: "validation_error", issuePath: "network_state.edges[0].capacity_mbps" },
  { name: "edge object with negative backlog", path: "/predict", body: withEdges([{ source: 0, target: 1, backlog_ms: -3 }]), status: 422, error: "validation_error", issuePath: "network_state.edges[0].backlog_ms" },
  { name: "edge object to a missing node", path: "/predict", body: withEdges([{ source: 0, target: 9 }]), status: 422, error: "validation_error", issuePath: "network_state.edges[0]" },
  { name: "edge object self-loop", path: "/predict", body: withEdges([{ source: 3, target: 3, backlog_ms: 1 }]), status: 422, error: "validation_error", issuePath: "network_state.edges[0]" },
  { name: "load above 2", path: "/predict", body: { ...ok, load: 2.5 }, status: 422, error: "validation_error", issuePath: "load" },
  { name: "load negative", path: "/predict", body: { ...ok, load: -0.1 }, status: 422, error: "validation_error", issuePath: "load" },
  { name: "load as a string", path: "/predict", body: { ...ok, load: "high" }, status: 422, error: "validation_error", issuePath: "load" },
  { name: "a single node", path: "/predict", body: { network_state: { nodes: [nodes[0]], edges: [] } }, status: 422, error: "validation_error", issuePath: "network_state.nodes" },
  { name: "more nodes than MAX_NODES", path: "/predict", body: { network_state: generateNetwork(13, 1) }, status: 422, error: "validation_error", issuePath: "network_state.nodes" },
  { name: "task source out of range", path: "/predict", body: { ...ok, task: { source: 6 } }, status: 422, error: "validation_error", issuePath: "task.source" },
  { name: "task deadline 0", path: "/predict", body: { ...ok, task: { deadline_ms: 0 } }, status: 422, error: "validation_error", issuePath: "task.deadline_ms" },
  { name: "task cpu negative", path: "/predict", body: { ...ok, task: { cpu_mcycles: -5 } }, status: 422, error: "validation_error", issuePath: "task.cpu_mcycles" },
  { name: "model name with a path", path: "/predict", body: { ...ok, model_type: "../etc/passwd" }, status: 422, error: "validation_error", issuePath: "model_type" },
  { name: "unknown model", path: "/predict", body: { ...ok, model_type: "gpt" }, status: 404, error: "model_not_found" },
  { name: "model known but not loaded", path: "/predict", body: { ...ok, model_type: "broken" }, status: 503, error: "model_not_loaded" },
  { name: "batch: empty list", path: "/batch-predict", body: { network_states: [] }, status: 422, error: "validation_error", issuePath: "network_states" },
  { name: "batch: more networks than MAX_BATCH", path: "/batch-predict", body: { network_states: [net, net, net, net, net] }, status: 422, error: "validation_error", issuePath: "network_states" },
  { name: "batch: bad node in the 2nd network", path: "/batch-predict", body: { network_states: [net, withNode(4, { mem_util: 2 }).network_state] }, status: 422, error: "validation_error", issuePath: "network_states[1].nodes[4].mem_util" },
  { name: "batch: tasks length mismatch", path: "/batch-predict", body: { network_states: [net, net], tasks: [{}] }, status: 422, error: "validation_error", issuePath: "tasks" },
  { name: "batch: task source out of range", path: "/batch-predict", body: { network_states: [net, net], tasks: [{}, { source: 99 }] }, status: 422, error: "validation_error", issuePath: "tasks[1].source" },
  { name: "batch: loads length mismatch", path: "/batch-predict", body: { network_states: [net, net], loads: [0.5] }, status: 422, error: "validation_error", issuePath: "loads" },
  { name: "batch: a load out of range", path: "/batch-predict", body: { network_states: [net, net], loads: [0.5, 3] }, status: 422, error: "validation_error", issuePath: "loads[1]" },
  { name: "batch: more nodes in total than MAX_BATCH_NODES", path: "/batch-predict", body: { network_states: [net, net, net, net] }, status: 422, error: "validation_error", issuePath: "network_states" },
  { name: "batch: bad edge object in the 2nd network", path: "/batch-predict", body: { network_states: [net, withEdges([{ source: 0, target: 1, capacity_mbps: -1 }]).network_state] }, status: 422, error: "validation_error", issuePath: "network_states[1].edges[0].capacity_mbps" },
  { name: "batch: unknown model", path: "/batch-predict", body: { network_states: [net], model_type: "nope" }, status: 404, error: "model_not_found" },
  { name: "compare: no node can take the task", path: "/compare", body: dead, status: 422, error: "no_valid_node" },
  { name: "compare: seed above uint32", path: "/compare", body: { ...ok, seed: 2 ** 33 }, status: 422, error: "validation_error", issuePath: "seed" },
  { name: "compare: load out of range", path: "/compare", body: { ...ok, load: 9 }, status: 422, error: "validation_error", issuePath: "load" },
  { name: "generate: num_nodes 1", path: "/networks/generate", body: { num_nodes: 1 }, status: 422, error: "validation_error", issuePath: "num_nodes" },
  { name: "generate: num_nodes 1001", path: "/networks/generate", body: { num_nodes: 1001 }, status: 422, error: "validation_error", issuePath: "num_nodes" },
  { name: "generate: num_nodes as a string", path: "/networks/generate", body: { num_nodes: "20" }, status: 422, error: "validation_error", issuePath: "num_nodes" },
  { name: "generate: negative seed", path: "/networks/generate", body: { num_nodes: 20, seed: -1 }, status: 422, error: "validation_error", issuePath: "seed" },
  { name: "mock network: negative num_edges", path: "/generate-mock-network", body: { num_nodes: 10, num_edges: -5 }, status: 422, error: "validation_error", issuePath: "num_edges" },
  { name: "generate: load 0", path: "/networks/generate", body: { num_nodes: 20, load: 0 }, status: 422, error: "validation_error", issuePath: "load" },
  { name: "generate: load above 2", path: "/networks/generate", body: { num_nodes: 20, load: 2.1 }, status: 422, error: "validation_error", issuePath: "load" },
  { name: "generate: warmup_tasks above MAX_WARMUP_TASKS", path: "/networks/generate", body: { num_nodes: 20, warmup_tasks: 5001 }, status: 422, error: "validation_error", issuePath: "warmup_tasks" },
  { name: "generate: warmup_tasks x num_nodes too large", path: "/networks/generate", body: { num_nodes: 1000, warmup_tasks: 2001 }, status: 422, error: "validation_error", issuePath: "warmup_tasks" },
  { name: "generate: negative warmup_tasks", path: "/networks/generate", body: { num_nodes: 20, warmup_tasks: -1 }, status: 422, error: "validation_error", issuePath: "warmup_tasks" },
  { name: "mock network: warmup_tasks too large", path: "/generate-mock-network", body: { num_nodes: 10, warmup_tasks: 9999 }, status: 422, error: "validation_error", issuePath: "warmup_tasks" },
  { name: "load: unknown model", path: "/models/nope/load", body: undefined, status: 404, error: "model_not_found" },
  { name: "load: invalid name", path: "/models/a%20b/load", body: undefined, status: 422, error: "validation_error", issuePath: "name" },
  { name: "load: broken files on disk", path: "/models/broken/load", body: undefined, status: 422, error: "model_load_failed" },
  { name: "GET unknown model", method: "GET", path: "/models/nope", status: 404, error: "model_not_found" },
  { name: "GET model not loaded", method: "GET", path: "/models/broken", status: 503, error: "model_not_loaded" },
  { name: "unknown route", method: "GET", path: "/nope", status: 404, error: "not_found" },
  { name: "wrong method", method: "GET", path: "/predict", status: 405, error: "method_not_allowed" },
  { name: "PUT on a POST route", method: "PUT", path: "/batch-predict", body: ok, status: 405, error: "method_not_allowed" },
  { name: "DELETE on a path with a parameter", method: "DELETE", path: "/models/hybrid/load", status: 405, error: "method_not_allowed" },
  { name: "POST on a GET route", method: "POST", path: "/health", body: {}, status: 405, error: "method_not_allowed" },
  { name: "unknown field at the top", path: "/predict", body: { ...ok, extra: [[], []] }, status: 422, error: "validation_error", issuePath: "(root)" },
  { name: "unknown field in a node", path: "/predict", body: withNode(1, { colour: "red" }), status: 422, error: "validation_error", issuePath: "network_state.nodes[1]" },
  { name: "unknown field in the network", path: "/predict", body: { network_state: { ...net, links: [] } }, status: 422, error: "validation_error", issuePath: "network_state" },
  { name: "unknown field in the task", path: "/predict", body: { ...ok, task: { cpu: 5 } }, status: 422, error: "validation_error", issuePath: "task" },
  { name: "generate: unknown field", path: "/networks/generate", body: { num_nodes: 20, size: 3 }, status: 422, error: "validation_error", issuePath: "(root)" },
  { name: "mock network: num_edges above 4 x num_nodes", path: "/generate-mock-network", body: { num_nodes: 10, num_edges: 41 }, status: 422, error: "validation_error", issuePath: "num_edges" },
  { name: "mock network: num_edges 500000", path: "/generate-mock-network", body: { num_nodes: 1000, num_edges: 500_000 }, status: 422, error: "validation_error", issuePath: "num_edges" },
  { name: "nested deeper than any request", path: "/predict", body: "[".repeat(50) + "]".repeat(50), status: 413, error: "payload_too_large" },
];

describe("bad input table", () => {
  let app: TestApp;
  beforeAll(async () => {
    const dir = tempDir("api-bad-");
    mkdirSync(join(dir, "broken", "1"), { recursive: true });
    writeFileSync(join(dir, "broken", "config.json"), JSON.stringify({ name: "broken", versions: [1], default_version: 1 }));
    writeFileSync(join(dir, "broken", "1", "manifest.json"), JSON.stringify({ name: "broken" }));
    writeFileSync(join(dir, "broken", "1", "model.onnx"), "not an onnx file");
    ({ app } = await makeApp({ MODELS_DIR: dir, MAX_NODES: "12", MAX_BATCH: "4", MAX_BATCH_NODES: "20" }));
  });

  it("has at least 30 cases", () => expect(CASES.length).toBeGreaterThanOrEqual(30));

  it.each(CASES.map((c) => [c.name, c] as const))("%s", async (_, c) => {
    const r = await call(app, c.method ?? "POST", c.path, c.body, c.headers);
    expect(r.status, r.text).toBe(c.status);
    expectErrorShape(r);
    expect(r.json.error).toBe(c.error);
    if (c.issuePath) {
      expect(r.json.issues.map((i: { path: string }) => i.path), r.text).toContain(c.issuePath);
    }
    if (c.error === "model_not_found" && c.path !== "/nope") expect(Array.isArray(r.json.available)).toBe(true);
  });

  it("413 for a body over the route's limit (from MAX_NODES), with and without content-length", async () => {
    // MAX_NODES 12: /predict takes 16 KiB + 1 KiB (one network) + 12 nodes x 400 B + 48 edges x 160 B = 29,888 bytes.
    const big = JSON.stringify({ network_state: net, model_type: "x".repeat(30_000) });
    const r1 = await call(app, "POST", "/predict", big);
    expect(r1.status, r1.text).toBe(413);
    expectErrorShape(r1);
    expect(r1.json.message).toContain("29888 bytes");
    const r2 = await call(app, "POST", "/predict", big, { "content-type": "application/json", "content-length": String(big.length) });
    expect(r2.status).toBe(413);
    expect(r2.json.error).toBe("payload_too_large");
    // The same body is within /batch-predict's limit (MAX_BATCH_NODES 20): a 422, not a 413.
    const r3 = await call(app, "POST", "/batch-predict", JSON.stringify({ network_states: [net], model_type: "x".repeat(30_000) }));
    expect(r3.status, r3.text).toBe(422);
  });

  it("413 for a body holding more JSON values than the largest valid request", async () => {
    const r = await call(app, "POST", "/predict", JSON.stringify({ network_state: { nodes: Array(10_000).fill(0), edges: [] } }));
    expect(r.status, r.text).toBe(413);
    expect(r.json.message).toMatch(/more than \d+ values/);
  });

  it("reports the first 100 of many problems with a count, never a 500", async () => {
    const { app: big } = await makeApp({}, { load: false });
    // 39,000 invalid edges, within the 40,000 of MAX_NODES 10,000 (so zod checks each one).
    const edges = Array.from({ length: 39_000 }, () => [0, 0.5]);
    const r = await call(big, "POST", "/predict", { network_state: { nodes, edges } });
    expect(r.status, r.text.slice(0, 300)).toBe(422);
    expectErrorShape(r);
    expect(r.json.issues).toHaveLength(100);
    expect(r.json.issue_count).toBe(100);
    expect(r.json.issues[0].path).toBe("network_state.edges[0][1]");
    expect(r.json.message).toContain("validation stopped");
    // Self-loops come from the graph check, which stops at 100 too.
    const loops = await call(big, "POST", "/predict", { network_state: { nodes, edges: Array.from({ length: 40_000 }, () => [1, 1]) } });
    expect(loops.status).toBe(422);
    expectErrorShape(loops);
    expect(loops.json.issues).toHaveLength(100);
    expect(loops.json.issues[0].message).toContain("self-loop");
  });

  it("64,000 invalid edges within the edge limit: a 422 with the first 100, not a 500", async () => {
    // MAX_NODES 20,000 allows 80,000 edges, so zod reaches every one of them (100k+ issues uncapped).
    const { app: wide } = await makeApp({ MAX_NODES: "20000" }, { load: false });
    for (const bad of [[0, 0.5], ["a", "b"], { source: -1, target: 2 }]) {
      const r = await call(wide, "POST", "/predict", { network_state: { nodes, edges: Array.from({ length: 64_000 }, () => bad) } });
      expect(r.status, r.text.slice(0, 300)).toBe(422);
      expectErrorShape(r);
      expect(r.json.issues).toHaveLength(100);
      // A lower bound: validation stopped (an edge failing both union branches may list two problems).
      expect(r.json.issue_count).toBeGreaterThanOrEqual(100);
      expect(r.json.issue_count).toBeLessThanOrEqual(300);
    }
  });

  it("a batch of many networks of empty nodes stops after 100 problems", async () => {
    const { app: big } = await makeApp({}, { load: false });
    const empty = { nodes: Array(1000).fill({}), edges: [] };
    const r = await call(big, "POST", "/batch-predict", { network_states: Array(20).fill(empty) });
    expect(r.status).toBe(422);
    expect(r.json.issues).toHaveLength(100);
    expect(r.json.issues.every((i: { path: string }) => i.path.startsWith("network_states[0].nodes["))).toBe(true);
  });

  it("reports every issue with its path, not just the first", async () => {
    const r = await call(app, "POST", "/predict", { network_state: { nodes: [{ ...nodes[0], cpu_util: 2, mem_util: -1 }, nodes[1]], edges: [[0, 0]] } });
    expect(r.status).toBe(422);
    const paths = r.json.issues.map((i: { path: string }) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["network_state.nodes[0].cpu_util", "network_state.nodes[0].mem_util"]));
  });
});

describe("API keys", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp({ API_KEYS: "secret-1,secret-2" }, { load: false }));
  });
  const OPEN = ["/", "/health", "/ready", "/metrics", "/openapi.json", "/docs", "/favicon.ico"];
  it.each(OPEN)("%s stays open", async (p) => {
    const r = await call(app, "GET", p);
    expect(r.status).not.toBe(401);
  });
  it("401 without a key", async () => {
    const r = await call(app, "GET", "/models");
    expect(r.status).toBe(401);
    expectErrorShape(r);
  });
  it("401 with a wrong key", async () => {
    const r = await call(app, "POST", "/networks/generate", { num_nodes: 5 }, { "x-api-key": "nope" });
    expect(r.status).toBe(401);
  });
  it("passes with either configured key", async () => {
    expect((await call(app, "GET", "/models", undefined, { "x-api-key": "secret-2" })).status).toBe(200);
    expect((await call(app, "POST", "/networks/generate", { num_nodes: 5 }, { "x-api-key": "secret-1" })).status).toBe(200);
  });
  it("checks the key before reading the body", async () => {
    const r = await call(app, "POST", "/predict", "{not json");
    expect(r.status).toBe(401);
  });
  it("METRICS_PUBLIC=off puts /metrics behind the key", async () => {
    const { app: closed } = await makeApp({ API_KEYS: "k", METRICS_PUBLIC: "off" }, { load: false });
    expect((await call(closed, "GET", "/metrics")).status).toBe(401);
    expect((await call(closed, "GET", "/metrics", undefined, { "x-api-key": "k" })).status).toBe(200);
    const doc = (await call(closed, "GET", "/openapi.json")).json;
    expect(doc.paths["/metrics"].get.security).toEqual([{ ApiKey: [] }]);
  });
  it("the OpenAPI document says which routes need a key, matching what the server does", async () => {
    const doc = (await call(app, "GET", "/openapi.json")).json;
    expect(doc.security).toBeUndefined();
    expect(doc.components.securitySchemes.ApiKey).toMatchObject({ type: "apiKey", in: "header", name: "x-api-key" });
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { security?: unknown[] }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        expect(op.security, `${method} ${path}`).toBeDefined();
        const needsKey = op.security!.length > 0;
        const concrete = path.replace("{name}", "hybrid");
        const r = await call(app, method.toUpperCase(), concrete, method === "post" ? {} : undefined);
        expect(r.status === 401, `${method} ${path} -> ${r.status}`).toBe(needsKey);
      }
    }
    expect(doc.paths["/health"].get.security).toEqual([]);
    expect(doc.paths["/predict"].post.security).toEqual([{ ApiKey: [] }]);
  });
  it("without keys, no route declares security", async () => {
    const { app: free } = await makeApp({}, { load: false });
    const doc = (await call(free, "GET", "/openapi.json")).json;
    expect(doc.components?.securitySchemes).toBeUndefined();
    expect(doc.paths["/predict"].post.security).toBeUndefined();
  });
});
