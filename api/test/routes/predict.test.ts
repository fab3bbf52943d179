/** /predict and /batch-predict against the exported models (skipped until models/repository has one). */
import { beforeAll, describe, expect, it } from "vitest";
import { generateNetwork } from "../../src/simulation/generator.js";
import * as spec from "../../src/simulation/spec.js";
import { call, expectErrorShape, makeApp, type TestApp } from "../helpers/app.js";
import { exportedModels, HAS_MODELS } from "../helpers/fixtures.js";
import { joinedNetwork, midEpisode } from "../helpers/networks.js";

const models = exportedModels();

describe.skipIf(!HAS_MODELS)("POST /predict", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp());
  });

  it.each(models)("%s: a consistent prediction from the model's outputs", async (model) => {
    const net = generateNetwork(20, 11);
    const r = await call(app, "POST", "/predict", { network_state: net, model_type: model });
    expect(r.status, r.text).toBe(200);
    const p = r.json;
    expect(p.model.name).toBe(model);
    expect(typeof p.model.version).toBe("string");
    expect(p.q_values).toHaveLength(20);
    expect(Object.keys(p.node_scores)).toHaveLength(20);
    expect(p.valid_nodes).toContain(p.selected_node);
    expect(p.confidence).toBe(p.node_scores[String(p.selected_node)]);
    let sum = 0;
    for (const v of p.valid_nodes) {
      expect(p.node_scores[String(v)]).toBeLessThanOrEqual(p.confidence);
      sum += p.node_scores[String(v)];
    }
    expect(sum).toBeCloseTo(1, 4);
    expect(p.processing_time_ms).toBeGreaterThanOrEqual(0);
    expect(p.task).toEqual({ source: 0, cpu_mcycles: 500, mem_mb: 128, data_kb: 200, deadline_ms: 500 });
    expect(p.load).toBe(spec.DEFAULT_LOAD);
  });

  it.each(models)("%s: a mid-episode network (node and link backlogs, load)", async (model) => {
    const mid = midEpisode(40, 3, 0.9);
    const r = await call(app, "POST", "/predict", { ...mid, model_type: model });
    expect(r.status, r.text).toBe(200);
    expect(r.json.task).toEqual(mid.task);
    expect(r.json.load).toBe(mid.load);
    expect(r.json.valid_nodes).toContain(r.json.selected_node);
  });

  it("the load and the link backlogs reach the model", async () => {
    const mid = midEpisode(30, 8, 0.9);
    const name = models.includes("hybrid") ? "hybrid" : models[0];
    const base = (await call(app, "POST", "/predict", { ...mid, model_type: name })).json;
    const lighter = (await call(app, "POST", "/predict", { ...mid, load: 0.1, model_type: name })).json;
    expect(lighter.load).toBe(0.1);
    expect(lighter.q_values).not.toEqual(base.q_values);
    const idleLinks = { ...mid.network_state, edges: mid.network_state.edges.map((e) => ({ ...(e as object), backlog_ms: 0 })) };
    const idle = (await call(app, "POST", "/predict", { ...mid, network_state: idleLinks, model_type: name })).json;
    expect(idle.q_values).not.toEqual(base.q_values);
  });

  it("old requests (queue_len, [s, t] edges) and new ones (backlog_ms, edge objects) mix in one network", async () => {
    const net = generateNetwork(12, 4);
    const mixed = {
      nodes: net.nodes.map((nd, i) => (i % 2 ? { ...nd, backlog_ms: 40 * i } : nd)),
      edges: net.edges.map(([s, t], k) => (k % 3 === 0 ? { source: s, target: t, capacity_mbps: 80, backlog_ms: 12 } : [s, t])),
    };
    const r = await call(app, "POST", "/predict", { network_state: mixed, model_type: models[0], load: 0.75 });
    expect(r.status, r.text).toBe(200);
  });

  it.each(models)("%s: a 10,000-node network in one /predict: probs sum to 1 over valid nodes, no NaN", async (model) => {
    const net = joinedNetwork();
    const body = JSON.stringify({ network_state: net, model_type: model, task: { source: 0 } });
    expect(body.length).toBeGreaterThan(1_500_000);
    const r = await call(app, "POST", "/predict", body);
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    const p = r.json;
    expect(p.q_values).toHaveLength(10_000);
    expect(p.valid_nodes.length).toBeGreaterThan(1000);
    let sum = 0;
    for (let i = 0; i < 10_000; i++) {
      const v = p.node_scores[String(i)];
      expect(Number.isNaN(v)).toBe(false);
      sum += v;
    }
    let valid = 0;
    for (const i of p.valid_nodes) valid += p.node_scores[String(i)];
    expect(valid).toBeCloseTo(1, 3);
    expect(sum).toBeCloseTo(1, 3);
    expect(p.valid_nodes).toContain(p.selected_node);
  });

  it("the same request twice gives the same answer", async () => {
    const body = { network_state: generateNetwork(30, 2), model_type: models[0], task: { source: 3, deadline_ms: 300 } };
    const a = (await call(app, "POST", "/predict", body)).json;
    const b = (await call(app, "POST", "/predict", body)).json;
    delete a.processing_time_ms;
    delete b.processing_time_ms;
    expect(a).toEqual(b);
  });

  it("uses hybrid by default", async () => {
    const r = await call(app, "POST", "/predict", { network_state: generateNetwork(10, 1) });
    if (models.includes("hybrid")) {
      expect(r.status).toBe(200);
      expect(r.json.model.name).toBe("hybrid");
    } else {
      expect(r.status).toBe(404);
    }
  });

  it("answers 2-node and 1000-node networks", async () => {
    for (const n of [2, 1000]) {
      const r = await call(app, "POST", "/predict", { network_state: generateNetwork(n, 5), model_type: models[0] });
      expect(r.status, r.text).toBe(200);
      expect(r.json.q_values).toHaveLength(n);
    }
  });

  it("422 no_valid_node when no node can take the task", async () => {
    const net = generateNetwork(8, 1);
    const dead = { nodes: net.nodes.map((n) => ({ ...n, backlog_ms: 6000 })), edges: net.edges };
    const r = await call(app, "POST", "/predict", { network_state: dead, model_type: models[0] });
    expect(r.status).toBe(422);
    expectErrorShape(r);
    expect(r.json.error).toBe("no_valid_node");
  });

  it("an isolated source can only place the task on itself", async () => {
    const net = generateNetwork(10, 3);
    const cut = { nodes: net.nodes, edges: net.edges.filter(([s, t]) => s !== 0 && t !== 0) };
    const r = await call(app, "POST", "/predict", { network_state: cut, model_type: models[0], task: { source: 0 } });
    expect(r.status, r.text).toBe(200);
    expect(r.json.valid_nodes).toEqual([0]);
    expect(r.json.selected_node).toBe(0);
  });
});

describe.skipIf(!HAS_MODELS)("POST /batch-predict", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp());
  });

  it.each(models)("%s: mixed sizes run batched and match /predict one by one", async (model) => {
    const nets = [5, 20, 20, 21, 40, 20, 5, 200].map((n, i) => generateNetwork(n, 100 + i));
    const r = await call(app, "POST", "/batch-predict", { network_states: nets, model_type: model });
    expect(r.status, r.text).toBe(200);
    expect(r.json.predictions).toHaveLength(nets.length);
    expect(r.json.onnx_runs).toBeLessThan(nets.length);
    expect(r.json.model.name).toBe(model);
    for (let i = 0; i < nets.length; i++) {
      const single = (await call(app, "POST", "/predict", { network_state: nets[i], model_type: model })).json;
      const batched = r.json.predictions[i];
      expect(batched.selected_node).toBe(single.selected_node);
      expect(batched.q_values).toHaveLength(nets[i]!.nodes.length);
      for (let k = 0; k < nets[i]!.nodes.length; k++) {
        expect(Math.abs(batched.node_scores[k] - single.node_scores[k])).toBeLessThan(1e-5);
      }
      if (single.value !== undefined) expect(Math.abs(batched.value - single.value)).toBeLessThan(1e-4);
    }
  });

  it("applies `task`/`load` to every network and `tasks`/`loads` one by one", async () => {
    const nets = [generateNetwork(12, 1), generateNetwork(12, 2)];
    const a = await call(app, "POST", "/batch-predict", { network_states: nets, model_type: models[0], task: { source: 2 }, load: 0.8 });
    expect(a.json.predictions.map((p: { task: { source: number } }) => p.task.source)).toEqual([2, 2]);
    expect(a.json.predictions.map((p: { load: number }) => p.load)).toEqual([0.8, 0.8]);
    const b = await call(app, "POST", "/batch-predict", { network_states: nets, model_type: models[0], tasks: [{ source: 1 }, { source: 4 }], loads: [0.3, 1.2] });
    expect(b.json.predictions.map((p: { task: { source: number } }) => p.task.source)).toEqual([1, 4]);
    expect(b.json.predictions.map((p: { load: number }) => p.load)).toEqual([0.3, 1.2]);
  });

  it("mid-episode networks in a batch match /predict one by one", async () => {
    const mids = [midEpisode(20, 1), midEpisode(20, 2), midEpisode(25, 3)];
    const r = await call(app, "POST", "/batch-predict", {
      network_states: mids.map((m) => m.network_state),
      tasks: mids.map((m) => m.task),
      loads: mids.map((m) => m.load),
      model_type: models[0],
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.onnx_runs).toBe(1);
    for (let i = 0; i < mids.length; i++) {
      const single = (await call(app, "POST", "/predict", { ...mids[i], model_type: models[0] })).json;
      expect(r.json.predictions[i].selected_node).toBe(single.selected_node);
      expect(r.json.predictions[i].load).toBe(mids[i]!.load);
    }
  });

  it("422 names the network where no node can take the task", async () => {
    const ok = generateNetwork(6, 1);
    const dead = { nodes: ok.nodes.map((n) => ({ ...n, cpu_util: 0.99 })), edges: ok.edges };
    const r = await call(app, "POST", "/batch-predict", { network_states: [ok, dead], model_type: models[0] });
    expect(r.status).toBe(422);
    expect(r.json.error).toBe("no_valid_node");
    expect(r.json.message).toContain("network_states[1]");
  });
});
