/** /predict and /batch-predict against the exported models (skipped until models/onnx has one). */
import { beforeAll, describe, expect, it } from "vitest";
import { generateNetwork } from "../../src/simulation/generator.js";
import { call, expectErrorShape, makeApp, type TestApp } from "../helpers/app.js";
import { exportedModels, HAS_MODELS } from "../helpers/fixtures.js";

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
    const dead = { nodes: net.nodes.map((n) => ({ ...n, queue_len: 60 })), edges: net.edges };
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

  it("applies `task` to every network and `tasks` one by one", async () => {
    const nets = [generateNetwork(12, 1), generateNetwork(12, 2)];
    const a = await call(app, "POST", "/batch-predict", { network_states: nets, model_type: models[0], task: { source: 2 } });
    expect(a.json.predictions.map((p: { task: { source: number } }) => p.task.source)).toEqual([2, 2]);
    const b = await call(app, "POST", "/batch-predict", { network_states: nets, model_type: models[0], tasks: [{ source: 1 }, { source: 4 }] });
    expect(b.json.predictions.map((p: { task: { source: number } }) => p.task.source)).toEqual([1, 4]);
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
