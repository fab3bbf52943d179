/**
 * Versions through the protocol: a test-only version 2 of hybrid (hybrid_gat's graph with its own
 * manifest), loaded and rolled back with the product's routes; /v2 answers name the version that ran,
 * and its outputs are that version's graph's (the fixtures of hybrid and hybrid_gat).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, makeApp, type TestApp } from "../helpers/app.js";
import { exportedModels, fixtureNames, loadFixture } from "../helpers/fixtures.js";
import { addVersion, tempRepositoryAt } from "../helpers/repository.js";
import { expectFixtureOutputs, fixtureInputs } from "./fixture-request.js";

const READY = ["hybrid", "hybrid_gat"].every((m) => exportedModels().includes(m) && fixtureNames().includes(m));
const NAMES = ["x", "parent", "edge_attr", "link_index", "link_attr", "mask"];

describe.skipIf(!READY)("/v2 with two versions of hybrid", () => {
  let app: TestApp;
  const v1Case = READY ? loadFixture("hybrid").cases[10]! : undefined!;
  const v2Case = READY ? loadFixture("hybrid_gat").cases[10]! : undefined!;
  const infer = (path: string) => call(app, "POST", path, { inputs: fixtureInputs(v1Case, NAMES) });

  beforeAll(async () => {
    expect(v2Case.request).toEqual(v1Case.request); // the fixtures share their requests
    const dir = tempRepositoryAt(["hybrid"], 1);
    addVersion(dir, "hybrid", 2, "hybrid_gat");
    ({ app } = await makeApp({ MODELS_DIR: dir }));
  });

  it("metadata lists both versions; only the default one is ready at start", async () => {
    expect((await call(app, "GET", "/v2/models/hybrid")).json.versions).toEqual(["1", "2"]);
    expect((await call(app, "GET", "/v2/models/hybrid/versions/1/ready")).json).toEqual({ name: "hybrid", ready: true });
    const v2 = await call(app, "GET", "/v2/models/hybrid/versions/2/ready");
    expect(v2.status).toBe(503);
    expect(v2.json).toEqual({ name: "hybrid", ready: false });
    const run = await infer("/v2/models/hybrid/versions/2/infer");
    expect(run.status).toBe(503);
    expect(run.json.error).toMatch(/version 2 of model 'hybrid' is not loaded/);
  });

  it("load version 2: unversioned inference runs it; version 1 stays callable; rollback returns to 1", async () => {
    const before = await infer("/v2/models/hybrid/infer");
    expect(before.json.model_version).toBe("1");
    expectFixtureOutputs(before.json.outputs, v1Case, "v1");

    expect((await call(app, "POST", "/models/hybrid/versions/2/load")).status).toBe(200);
    const after = await infer("/v2/models/hybrid/infer");
    expect(after.json.model_version).toBe("2");
    expectFixtureOutputs(after.json.outputs, v2Case, "v2 (hybrid_gat's graph)");
    const pinned = await infer("/v2/models/hybrid/versions/1/infer");
    expect(pinned.json.model_version).toBe("1");
    expectFixtureOutputs(pinned.json.outputs, v1Case, "v1 pinned");
    expect((await call(app, "GET", "/v2/models/hybrid/versions/2/ready")).status).toBe(200);

    expect((await call(app, "POST", "/models/hybrid/rollback")).json.model_version).toBe("1");
    const back = await infer("/v2/models/hybrid/infer");
    expect(back.json.model_version).toBe("1");
    expect(back.json.outputs).toEqual(before.json.outputs);
  });
});
