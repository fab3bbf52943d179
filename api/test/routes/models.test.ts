import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { call, expectErrorShape, makeApp, type TestApp } from "../helpers/app.js";
import { exportedModels, HAS_MODELS } from "../helpers/fixtures.js";

const models = exportedModels();

describe("GET /models", () => {
  it("lists what is on disk with its load status", async () => {
    const { app } = await makeApp();
    const r = await call(app, "GET", "/models");
    expect(r.status).toBe(200);
    expect(r.json.models.map((m: { name: string }) => m.name)).toEqual(models);
    expect(r.json.total).toBe(models.length);
    for (const m of r.json.models) expect(r.json.loaded[m.name]).toBe(m.loaded);
    expect(r.json.default_model).toBe("hybrid");
  });
});

describe.skipIf(!HAS_MODELS)("model details and reload", () => {
  let app: TestApp;
  let dir: string;
  const name = models.includes("hybrid") ? "hybrid" : models[0]!;
  const net = generateNetwork(20, 9);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "api-models-"));
    for (const m of models) {
      copyFileSync(join(DEFAULT_MODELS_DIR, `${m}.json`), join(dir, `${m}.json`));
      copyFileSync(join(DEFAULT_MODELS_DIR, `${m}.onnx`), join(dir, `${m}.onnx`));
    }
    ({ app } = await makeApp({ MODELS_DIR: dir }));
  });

  it("GET /models/{name} serves the manifest", async () => {
    const r = await call(app, "GET", `/models/${name}`);
    expect(r.status).toBe(200);
    const manifest = JSON.parse(readFileSync(join(DEFAULT_MODELS_DIR, `${name}.json`), "utf8"));
    expect(r.json.manifest).toEqual(manifest);
    expect(r.json).toMatchObject({ name, model_type: name, loaded: true, version: String(manifest.version) });
    expect(r.json.inputs.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(["x", "edge_attr", "mask"]));
  });

  it("reload success swaps in the model from disk", async () => {
    const r = await call(app, "POST", `/models/${name}/load`);
    expect(r.status, r.text).toBe(200);
    expect(r.json.status).toBe("success");
    expect(r.json.previous_version).toBe(r.json.model.version);
  });

  it("a corrupted file fails the reload clearly and the serving version keeps answering", async () => {
    const before = (await call(app, "POST", "/predict", { network_state: net, model_type: name })).json;
    const onnx = join(dir, `${name}.onnx`);
    const good = readFileSync(onnx);
    const bad = Buffer.from(good);
    const mid = Math.floor(bad.length / 2);
    bad[mid] = bad[mid]! ^ 0xff;
    writeFileSync(onnx, bad);
    const r = await call(app, "POST", `/models/${name}/load`);
    expect(r.status).toBe(422);
    expectErrorShape(r);
    expect(r.json.error).toBe("model_load_failed");
    expect(r.json.message).toMatch(/sha256 mismatch/);
    expect(r.json.message).toMatch(/keeps serving/);
    const after = await call(app, "POST", "/predict", { network_state: net, model_type: name });
    expect(after.status).toBe(200);
    expect(after.json.selected_node).toBe(before.selected_node);
    expect(after.json.node_scores).toEqual(before.node_scores);

    writeFileSync(join(dir, `${name}.json`), "{ broken");
    const r2 = await call(app, "POST", `/models/${name}/load`);
    expect(r2.status).toBe(422);
    expect(r2.json.message).toMatch(/not valid JSON/);
    expect((await call(app, "GET", "/models")).json.loaded[name]).toBe(true);

    writeFileSync(onnx, good);
    copyFileSync(join(DEFAULT_MODELS_DIR, `${name}.json`), join(dir, `${name}.json`));
    expect((await call(app, "POST", `/models/${name}/load`)).status).toBe(200);
  });

  it("requests racing a reload all succeed", async () => {
    const preds = Array.from({ length: 20 }, () => call(app, "POST", "/predict", { network_state: net, model_type: name }));
    const reload = call(app, "POST", `/models/${name}/load`);
    const all = await Promise.all([...preds, reload]);
    for (const r of all) expect(r.status, r.text).toBe(200);
  });
});

describe("no server paths in answers", () => {
  it("GET /models/{name}, the 404 of a load and /ready without models name no directory", async () => {
    const dir = mkdtempSync(join(tmpdir(), "api-paths-"));
    writeFileSync(join(dir, "broken.json"), JSON.stringify({ name: "broken" }));
    writeFileSync(join(dir, "broken.onnx"), "not an onnx file");
    const { app } = await makeApp({ MODELS_DIR: dir });
    const bodies = [
      await call(app, "POST", "/models/anything/load"),
      await call(app, "POST", "/models/broken/load"),
      await call(app, "GET", "/models/broken"),
      await call(app, "GET", "/models"),
      await call(app, "GET", "/ready"),
      await call(app, "POST", "/predict", { network_state: { nodes: [0, 1].map(() => ({ cpu_util: 0.1, mem_util: 0.1, energy: 100, latency: 1, bandwidth: 10, node_type: 1 })), edges: [[0, 1]] }, model_type: "broken" }),
    ];
    expect(bodies.map((r) => r.status)).toEqual([404, 422, 503, 200, 503, 503]);
    for (const r of bodies) {
      expect(r.text).not.toContain(dir);
      expect(r.text).not.toContain(tmpdir());
    }
    if (HAS_MODELS) {
      const { app: real, config } = await makeApp();
      const detail = await call(real, "GET", "/models/hybrid");
      expect(detail.status).toBe(200);
      expect(detail.json.model_path).toBeUndefined();
      expect(detail.text).not.toContain(config.MODELS_DIR);
    }
  });
});
