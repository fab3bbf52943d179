/**
 * Conformance with the Open Inference Protocol v2 REST specification
 * (github.com/kserve/open-inference-protocol, specification/protocol/inference_rest.md and
 * open_inference_rest.yaml): its documented objects and examples, quoted as test data.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, makeApp, type Reply, type TestApp } from "../helpers/app.js";
import { exportedModels, fixtureNames, flat, loadFixture } from "../helpers/fixtures.js";
import { repositoryConfig } from "../helpers/repository.js";
import { fixtureInputs } from "./fixture-request.js";

const HYBRID = exportedModels().includes("hybrid") && fixtureNames().includes("hybrid");
// the committed repository's hybrid: the versions it serves and the one a server loads
const SERVED = HYBRID ? repositoryConfig("hybrid").versions.map(String) : [];
const DEFAULT = HYBRID ? String(repositoryConfig("hybrid").default_version) : "";

/** "Inference Request Examples" of inference_rest.md, verbatim. */
const SPEC_REQUEST = {
  id: "42",
  inputs: [
    { name: "input0", shape: [2, 2], datatype: "UINT32", data: [1, 2, 3, 4] },
    { name: "input1", shape: [3], datatype: "BOOL", data: [true] },
  ],
  outputs: [{ name: "output0" }],
};

/** The example's response, verbatim: the shape every inference response must have. */
const SPEC_RESPONSE = {
  id: "42",
  outputs: [{ name: "output0", shape: [3, 2], datatype: "FP32", data: [1.0, 1.1, 2.0, 2.1, 3.0, 3.1] }],
};

/** "Tensor Data": the same 2 x 2 matrix in natural and in flattened form. */
const SPEC_NESTED = [
  [1, 2],
  [4, 5],
];
const SPEC_FLAT = [1, 2, 4, 5];

/** $inference_error_response = { "error": <error message string> }, and nothing else. */
function expectProtocolError(r: Reply, status: number, message?: RegExp): void {
  expect(r.status, r.text).toBe(status);
  expect(Object.keys(r.json)).toEqual(["error"]);
  expect(typeof r.json.error).toBe("string");
  if (message) expect(r.json.error).toMatch(message);
}

/** Every field of a $response_output / $metadata_tensor that the spec requires, with its JSON type. */
function expectTensorObject(t: Record<string, unknown>, withData: boolean): void {
  expect(typeof t.name).toBe("string");
  expect(typeof t.datatype).toBe("string");
  expect(Array.isArray(t.shape) && (t.shape as unknown[]).every((d) => Number.isInteger(d))).toBe(true);
  if (withData) {
    const count = (t.shape as number[]).reduce((a, b) => a * b, 1);
    expect(t.data as unknown[]).toHaveLength(count);
  }
}

describe("server endpoints", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp());
  });

  it("GET /v2 (and /v2/ as open_inference_rest.yaml writes it): $metadata_server_response", async () => {
    for (const path of ["/v2", "/v2/"]) {
      const r = await call(app, "GET", path);
      expect(r.status).toBe(200);
      expect(Object.keys(r.json).sort()).toEqual(["extensions", "name", "version"]);
      expect(typeof r.json.name).toBe("string");
      expect(typeof r.json.version).toBe("string");
      expect(r.json.extensions).toEqual(["binary_tensor_data"]);
    }
  });

  it("GET /v2/health/live: 200 {live: true}", async () => {
    const r = await call(app, "GET", "/v2/health/live");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ live: true });
  });

  it.skipIf(!HYBRID)("GET /v2/health/ready: 200 once every model is loaded", async () => {
    const r = await call(app, "GET", "/v2/health/ready");
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ ready: true });
  });

  it("GET /v2/health/ready: 503 {ready: false} while nothing is loaded", async () => {
    const { app: empty } = await makeApp({ MODELS_DIR: "/nonexistent" }, { load: false });
    const r = await call(empty, "GET", "/v2/health/ready");
    expect(r.status).toBe(503);
    expect(r.json).toEqual({ ready: false });
  });

  it("an unknown /v2 route is a 404 with the protocol's error object", async () => {
    expectProtocolError(await call(app, "GET", "/v2/repository/index"), 404);
  });
});

describe.skipIf(!HYBRID)("model endpoints", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp());
  });

  it("GET /v2/models/{name}: $metadata_model_response with the graph's raw tensors; variable-size dimensions are -1", async () => {
    for (const path of ["/v2/models/hybrid", `/v2/models/hybrid/versions/${DEFAULT}`]) {
      const r = await call(app, "GET", path);
      expect(r.status).toBe(200);
      expect(r.json).toMatchObject({ name: "hybrid", versions: SERVED, platform: "onnx_onnxv1" });
      for (const t of [...r.json.inputs, ...r.json.outputs]) expectTensorObject(t, false);
      expect(r.json.inputs).toEqual([
        { name: "x", datatype: "FP32", shape: [-1, -1, 17] },
        { name: "parent", datatype: "INT64", shape: [-1, -1] },
        { name: "edge_attr", datatype: "FP32", shape: [-1, -1, 4] },
        { name: "link_index", datatype: "INT64", shape: [2, -1] },
        { name: "link_attr", datatype: "FP32", shape: [-1, 3] },
        { name: "mask", datatype: "FP32", shape: [-1, -1] },
      ]);
      expect(r.json.outputs).toEqual([
        { name: "scores", datatype: "FP32", shape: [-1, -1] },
        { name: "probs", datatype: "FP32", shape: [-1, -1] },
        { name: "value", datatype: "FP32", shape: [-1] },
      ]);
    }
  });

  it("the node-wise models list the inputs their graphs declare", async () => {
    const r = await call(app, "GET", "/v2/models/dqn");
    expect(r.json.inputs.map((i: { name: string }) => i.name)).toEqual(["x", "edge_attr", "mask"]);
  });

  it("GET /v2/models/{name}[/versions/{v}]/ready: $ready_model_response", async () => {
    for (const path of ["/v2/models/hybrid/ready", `/v2/models/hybrid/versions/${DEFAULT}/ready`]) {
      const r = await call(app, "GET", path);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ name: "hybrid", ready: true });
    }
  });

  it.each([
    ["GET", "/v2/models/mymodel"],
    ["GET", "/v2/models/mymodel/ready"],
    ["GET", "/v2/models/hybrid/versions/999"], // a version the repository does not hold
    ["GET", "/v2/models/hybrid/versions/999/ready"],
  ])("%s %s: unknown model or version is a 404 $metadata_model_error_response", async (method, path) => {
    expectProtocolError(await call(app, method, path), 404);
  });

  it("an invalid version is a 400 error object", async () => {
    expectProtocolError(await call(app, "GET", "/v2/models/hybrid/versions/v10"), 400, /version/);
  });
});

describe.skipIf(!HYBRID)("inference", () => {
  let app: TestApp;
  const fx = HYBRID ? loadFixture("hybrid") : { model: "", cases: [] };
  const c = fx.cases.find((k) => k.request.network_state.nodes.length === 20)!;
  const names = ["x", "parent", "edge_attr", "link_index", "link_attr", "mask"];
  beforeAll(async () => {
    ({ app } = await makeApp());
  });

  it("the specification's example request, sent to a model that does not exist: 404 error object", async () => {
    expectProtocolError(await call(app, "POST", "/v2/models/mymodel/infer", SPEC_REQUEST), 404, /mymodel/);
  });

  it("the specification's example request, sent to hybrid: 400 naming the unexpected input", async () => {
    expectProtocolError(await call(app, "POST", "/v2/models/hybrid/infer", SPEC_REQUEST), 400, /input0/);
  });

  it("the example's request layout on hybrid's tensors: the response has the example's layout, echoes id and returns only the requested output", async () => {
    const r = await call(app, "POST", "/v2/models/hybrid/infer", { ...SPEC_REQUEST, inputs: fixtureInputs(c, names), outputs: [{ name: "probs" }] });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    expect(Object.keys(r.json).sort()).toEqual([...Object.keys(SPEC_RESPONSE), "model_name", "model_version"].sort());
    expect(r.json).toMatchObject({ id: SPEC_RESPONSE.id, model_name: "hybrid", model_version: DEFAULT });
    expect(r.json.outputs).toHaveLength(1);
    const [out] = r.json.outputs;
    expect(Object.keys(out).sort()).toEqual(Object.keys(SPEC_RESPONSE.outputs[0]!).sort());
    expectTensorObject(out, true);
    expect(out).toMatchObject({ name: "probs", shape: [1, 20], datatype: "FP32" });
  });

  it("without `id` the response has none; without `outputs` every output comes back", async () => {
    const r = await call(app, "POST", "/v2/models/hybrid/infer", { inputs: fixtureInputs(c, names) });
    expect(r.status).toBe(200);
    expect(r.json.id).toBeUndefined();
    expect(r.json.outputs.map((o: { name: string }) => o.name)).toEqual(["scores", "probs", "value"]);
    for (const o of r.json.outputs) expectTensorObject(o, true);
  });

  it("`parameters` are accepted ($parameters: string, number or boolean values)", async () => {
    const r = await call(app, "POST", "/v2/models/hybrid/infer", { id: "p", parameters: { note: "x", n: 1, b: true }, inputs: fixtureInputs(c, names) });
    expect(r.status).toBe(200);
  });

  it("tensor data in natural (nested) and flattened form give the same answer", async () => {
    // The spec's matrix example as a [2, 2] INT64 tensor: two networks of two nodes, each node its own parent.
    const two = fx.cases.find((k) => k.request.network_state.nodes.length === 2)!;
    const row = (t: number[][][]) => [t[0]!, t[0]!];
    const base = [
      { name: "x", shape: [2, 2, 17], datatype: "FP32", data: row(two.tensors.x) },
      { name: "edge_attr", shape: [2, 2, 4], datatype: "FP32", data: row(two.tensors.edge_attr) },
      { name: "link_index", shape: [2, 0], datatype: "INT64", data: [[], []] },
      { name: "link_attr", shape: [0, 3], datatype: "FP32", data: [] },
      { name: "mask", shape: [2, 2], datatype: "FP32", data: [1, 1, 1, 1] },
    ];
    // SPEC_NESTED / SPEC_FLAT hold 1, 2, 4, 5: as parents of 2-node networks they are out of range...
    const nested = await call(app, "POST", "/v2/models/hybrid/infer", { inputs: [...base, { name: "parent", shape: [2, 2], datatype: "INT64", data: SPEC_NESTED }] });
    const flatOne = await call(app, "POST", "/v2/models/hybrid/infer", { inputs: [...base, { name: "parent", shape: [2, 2], datatype: "INT64", data: SPEC_FLAT }] });
    // ... and both forms are refused the same way, naming the first bad element.
    expectProtocolError(nested, 400, /parent'\[1\] is 2; .* \[0, 2\)/);
    expect(flatOne.json).toEqual(nested.json);
    // The same layouts with in-range indices (each node its own parent) run, with equal outputs.
    const own = [
      [0, 1],
      [0, 1],
    ];
    const a = await call(app, "POST", "/v2/models/hybrid/infer", { inputs: [...base, { name: "parent", shape: [2, 2], datatype: "INT64", data: own }] });
    const b = await call(app, "POST", "/v2/models/hybrid/infer", { inputs: [...base, { name: "parent", shape: [2, 2], datatype: "INT64", data: own.flat() }] });
    expect(a.status, a.text).toBe(200);
    expect(b.json).toEqual(a.json);
    // all of a fixture case flat equals the case nested
    const n1 = await call(app, "POST", "/v2/models/hybrid/infer", { inputs: fixtureInputs(c, names, "nested") });
    const f1 = await call(app, "POST", "/v2/models/hybrid/infer", { inputs: fixtureInputs(c, names, "flat") });
    expect(f1.json).toEqual(n1.json);
    expect(n1.json.outputs[1].data.length).toBe(flat(c.expected.probs).length);
  });
});
