import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_MODELS_DIR } from "../../src/config/env.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { call, expectErrorShape, makeApp, type TestApp } from "../helpers/app.js";
import { exportedModels, HAS_MODELS } from "../helpers/fixtures.js";
import { addVersion, readJson, repositoryConfig, tempRepository, tempRepositoryAt } from "../helpers/repository.js";
import { tempDir } from "../helpers/temp.js";

const models = exportedModels();

describe("GET /models", () => {
  it("lists what is in the repository with its versions and load status", async () => {
    const { app } = await makeApp();
    const r = await call(app, "GET", "/models");
    expect(r.status).toBe(200);
    expect(r.json.models.map((m: { name: string }) => m.name)).toEqual(models);
    expect(r.json.total).toBe(models.length);
    for (const m of r.json.models) {
      expect(r.json.loaded[m.name]).toBe(m.loaded);
      const { versions, default_version: d } = repositoryConfig(m.name);
      const active = (v: number) => v === d;
      expect(m.versions).toEqual(versions.map((v) => ({ version: String(v), active: active(v), loaded: active(v), default: active(v) })));
      expect(m).toMatchObject({ version: String(d), previous_version: null });
    }
    expect(r.json.default_model).toBe("hybrid");
    expect(r.text).not.toContain(DEFAULT_MODELS_DIR);
  });
});

describe.skipIf(!HAS_MODELS)("model details and reload", () => {
  let app: TestApp;
  let dir: string;
  const name = models.includes("hybrid") ? "hybrid" : models[0]!;
  const version = HAS_MODELS ? String(repositoryConfig(name).default_version) : "";
  const net = generateNetwork(20, 9);

  beforeAll(async () => {
    dir = tempRepository(models);
    ({ app } = await makeApp({ MODELS_DIR: dir }));
  });

  it("GET /models/{name} serves the active version's manifest and no file path", async () => {
    const r = await call(app, "GET", `/models/${name}`);
    expect(r.status).toBe(200);
    const manifest = readJson(join(DEFAULT_MODELS_DIR, name, version, "manifest.json"));
    expect(r.json.manifest).toEqual(manifest);
    expect(r.json).toMatchObject({ name, model_type: name, loaded: true, version, model_version: version, previous_version: null });
    expect(r.json.inputs.map((i: { name: string }) => i.name)).toEqual(expect.arrayContaining(["x", "edge_attr", "mask"]));
    expect(r.text).not.toContain(dir);
  });

  it("reload success swaps in the default version from disk", async () => {
    const r = await call(app, "POST", `/models/${name}/load`);
    expect(r.status, r.text).toBe(200);
    expect(r.json).toMatchObject({ status: "success", model_version: version, previous_version: null, model: { name, version } });
  });

  it("a corrupted file fails the reload clearly and the serving version keeps answering", async () => {
    const before = (await call(app, "POST", "/predict", { network_state: net, model_type: name })).json;
    const onnx = join(dir, name, version, "model.onnx");
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
    expect(r.text).not.toContain(dir);
    const after = await call(app, "POST", "/predict", { network_state: net, model_type: name });
    expect(after.status).toBe(200);
    expect(after.json.selected_node).toBe(before.selected_node);
    expect(after.json.node_scores).toEqual(before.node_scores);

    const manifest = join(dir, name, version, "manifest.json");
    writeFileSync(manifest, "{ broken");
    const r2 = await call(app, "POST", `/models/${name}/load`);
    expect(r2.status).toBe(422);
    expect(r2.json.message).toMatch(/not valid JSON/);
    expect((await call(app, "GET", "/models")).json.loaded[name]).toBe(true);

    writeFileSync(onnx, good);
    copyFileSync(join(DEFAULT_MODELS_DIR, name, version, "manifest.json"), manifest);
    expect((await call(app, "POST", `/models/${name}/load`)).status).toBe(200);
  });

  it("requests racing a reload all succeed", async () => {
    const preds = Array.from({ length: 20 }, () => call(app, "POST", "/predict", { network_state: net, model_type: name }));
    const reload = call(app, "POST", `/models/${name}/load`);
    const all = await Promise.all([...preds, reload]);
    for (const r of all) expect(r.status, r.text).toBe(200);
  });
});

describe.skipIf(!models.includes("hybrid") || !models.includes("hybrid_gat"))("versions: load, answer, roll back", () => {
  let app: TestApp;
  const net = generateNetwork(20, 4);
  const predict = () => call(app, "POST", "/predict", { network_state: net, model_type: "hybrid" });
  const batch = () => call(app, "POST", "/batch-predict", { network_states: [net, net], model_type: "hybrid" });
  const compare = () => call(app, "POST", "/compare", { network_state: net });
  const hybridEntry = (r: { json: { results: { name: string; model_version?: string }[] } }) => r.json.results.find((e) => e.name === "hybrid")!;

  beforeAll(async () => {
    // test-only version 2: hybrid_gat's graph with its own manifest under hybrid's name (different outputs)
    const dir = tempRepositoryAt(["hybrid"], 1);
    addVersion(dir, "hybrid", 2, "hybrid_gat");
    ({ app } = await makeApp({ MODELS_DIR: dir }));
  });

  it("/models lists both versions; the default one is active", async () => {
    const r = await call(app, "GET", "/models");
    expect(r.json.models[0]).toMatchObject({
      name: "hybrid",
      version: "1",
      previous_version: null,
      versions: [
        { version: "1", active: true, loaded: true, default: true },
        { version: "2", active: false, loaded: false, default: false },
      ],
    });
    expect((await predict()).json.model_version).toBe("1");
  });

  it("loading version 2 makes every answer say 2; rollback makes them say 1 again", async () => {
    const v1 = await predict();
    const load = await call(app, "POST", "/models/hybrid/versions/2/load");
    expect(load.status, load.text).toBe(200);
    expect(load.json).toMatchObject({ model_version: "2", previous_version: "1" });

    const v2 = await predict();
    expect(v2.json.model_version).toBe("2");
    expect(v2.json.model).toEqual({ name: "hybrid", version: "2" });
    expect(v2.json.node_scores).not.toEqual(v1.json.node_scores);
    const b2 = await batch();
    expect(b2.json.model_version).toBe("2");
    expect(b2.json.predictions.map((p: { model_version: string }) => p.model_version)).toEqual(["2", "2"]);
    expect(hybridEntry(await compare()).model_version).toBe("2");
    const listed = (await call(app, "GET", "/models")).json.models[0];
    expect(listed).toMatchObject({ version: "2", previous_version: "1" });
    expect(listed.versions.map((v: { version: string; active: boolean; loaded: boolean }) => [v.version, v.active, v.loaded])).toEqual([
      ["1", false, true],
      ["2", true, true],
    ]);

    const back = await call(app, "POST", "/models/hybrid/rollback");
    expect(back.status, back.text).toBe(200);
    expect(back.json).toMatchObject({ model_version: "1", previous_version: "2" });
    const again = await predict();
    expect(again.json.model_version).toBe("1");
    expect(again.json.node_scores).toEqual(v1.json.node_scores);
    expect((await batch()).json.model_version).toBe("1");
    expect(hybridEntry(await compare()).model_version).toBe("1");
    expect((await call(app, "GET", "/models/hybrid")).json).toMatchObject({ model_version: "1", previous_version: "2" });
  });

  it.each([
    ["a version config.json does not serve", "POST", "/models/hybrid/versions/3/load", 404, "version_not_found"],
    ["a version that is not a number", "POST", "/models/hybrid/versions/v2/load", 422, "validation_error"],
    ["an unknown model", "POST", "/models/nope/versions/1/load", 404, "model_not_found"],
    ["rollback of an unknown model", "POST", "/models/nope/rollback", 404, "model_not_found"],
  ])("%s", async (_, method, path, status, error) => {
    const r = await call(app, method, path);
    expect(r.status, r.text).toBe(status);
    expectErrorShape(r);
    expect(r.json.error).toBe(error);
  });
});

describe.skipIf(!HAS_MODELS)("rollback without a previous version", () => {
  it("answers 422 no_previous_version and keeps serving", async () => {
    const { app } = await makeApp({ MODELS_DIR: tempRepository([models[0]!]) });
    const r = await call(app, "POST", `/models/${models[0]}/rollback`);
    expect(r.status).toBe(422);
    expect(r.json.error).toBe("no_previous_version");
    expect((await call(app, "GET", "/models")).json.loaded[models[0]!]).toBe(true);
  });
});

describe("no server paths in answers", () => {
  it("GET /models/{name}, the 404 of a load and /ready without models name no directory", async () => {
    const dir = tempDir("api-paths-");
    mkdirSync(join(dir, "broken", "1"), { recursive: true });
    writeFileSync(join(dir, "broken", "config.json"), JSON.stringify({ name: "broken", versions: [1], default_version: 1 }));
    writeFileSync(join(dir, "broken", "1", "manifest.json"), JSON.stringify({ name: "broken" }));
    writeFileSync(join(dir, "broken", "1", "model.onnx"), "not an onnx file");
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
