/**
 * Invalid inference requests: each is refused with the protocol's 400 `{"error": ...}` naming the
 * tensor and the rule, before the graph runs (shapes and element counts are checked first).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, makeApp, type TestApp } from "../helpers/app.js";
import { exportedModels, fixtureNames, loadFixture } from "../helpers/fixtures.js";
import { flatInputs, type RequestInput } from "./fixture-request.js";

const HYBRID = exportedModels().includes("hybrid") && fixtureNames().includes("hybrid");
const NAMES = ["x", "parent", "edge_attr", "link_index", "link_attr", "mask"];
type FlatInput = ReturnType<typeof flatInputs>[number];

describe.skipIf(!HYBRID)("invalid inference requests", () => {
  let app: TestApp;
  let small: TestApp;
  let inputs: FlatInput[];
  beforeAll(async () => {
    ({ app } = await makeApp());
    ({ app: small } = await makeApp({ MAX_NODES: "12", MAX_BATCH: "4", MAX_BATCH_NODES: "20" }));
    const c = loadFixture("hybrid").cases.find((k) => k.request.network_state.nodes.length === 20)!;
    inputs = flatInputs(c, NAMES);
  });

  /** The fixture's inputs with one changed (undefined drops it). */
  const withInput = (name: string, change: (i: FlatInput) => RequestInput | undefined): RequestInput[] =>
    inputs.flatMap((i): RequestInput[] => {
      if (i.name !== name) return [i];
      const changed = change(i);
      return changed ? [changed] : [];
    });

  const cases: [string, () => unknown, RegExp][] = [
    ["x with 16 features", () => ({ inputs: withInput("x", (i) => ({ ...i, shape: [1, 20, 16], data: i.data.slice(0, 320) })) }), /'x' has shape \[1,20,16\]; dimension 2 must be 17/],
    ["x of rank 2", () => ({ inputs: withInput("x", (i) => ({ ...i, shape: [20, 17] })) }), /'x' has shape \[20,17\]; the model expects \[-1,-1,17\]/],
    ["x as INT64", () => ({ inputs: withInput("x", (i) => ({ ...i, datatype: "INT64" })) }), /'x' has datatype INT64; the model expects FP32/],
    ["parent as FP32", () => ({ inputs: withInput("parent", (i) => ({ ...i, datatype: "FP32" })) }), /'parent' has datatype FP32; the model expects INT64/],
    ["mask with another node count", () => ({ inputs: withInput("mask", (i) => ({ ...i, shape: [1, 19], data: i.data.slice(0, 19) })) }), /'mask' has 19 along axis 'nodes', other inputs 20/],
    ["fewer values than the shape", () => ({ inputs: withInput("mask", (i) => ({ ...i, data: i.data.slice(1) })) }), /'mask' has 19 values; shape \[1,20\] needs 20/],
    ["nesting that does not follow the shape", () => ({ inputs: withInput("mask", (i) => ({ ...i, data: [i.data.slice(0, 10), i.data.slice(10)] })) }), /'mask': data has 2 entries at depth 0/],
    ["a missing input", () => ({ inputs: withInput("link_attr", () => undefined) }), /missing input\(s\) link_attr/],
    ["an input given twice", () => ({ inputs: [...inputs, inputs[0]] }), /'x' is given twice/],
    ["an unknown input", () => ({ inputs: [...inputs, { ...inputs[0]!, name: "y" }] }), /unexpected input 'y'/],
    ["an unknown output", () => ({ inputs, outputs: [{ name: "logits" }] }), /unknown output 'logits'/],
    ["a string among FP32 data", () => ({ inputs: withInput("mask", (i) => ({ ...i, data: ["1", ...i.data.slice(1)] })) }), /'mask'\[0\] is "1"; FP32 data/],
    ["an FP32 value beyond float32", () => ({ inputs: withInput("mask", (i) => ({ ...i, data: [1e39, ...i.data.slice(1)] })) }), /'mask'\[0\] .* within float32 range/],
    ["a fraction among INT64 data", () => ({ inputs: withInput("parent", (i) => ({ ...i, data: [0.5, ...i.data.slice(1)] })) }), /'parent'\[0\] is 0.5; INT64 data are whole numbers/],
    ["a parent outside the network", () => ({ inputs: withInput("parent", (i) => ({ ...i, data: [20, ...i.data.slice(1)] })) }), /'parent'\[0\] is 20; .* \[0, 20\)/],
    ["a negative link index", () => ({ inputs: withInput("link_index", (i) => ({ ...i, data: [-1, ...i.data.slice(1)] })) }), /'link_index'\[0\] is -1/],
    ["an empty batch", () => ({ inputs: inputs.map((i) => (["x", "parent", "edge_attr", "mask"].includes(i.name) ? { ...i, shape: [0, ...i.shape.slice(1)], data: [] } : i)) }), /axis 'batch' is 0; at least 1/],
    ["no inputs", () => ({ inputs: [] }), /inputs: Too small/],
    ["a negative dimension", () => ({ inputs: withInput("mask", (i) => ({ ...i, shape: [1, -20] })) }), /inputs\[5\]\.shape\[1\]/],
    ["binary_data_size without binary data", () => ({ inputs: withInput("mask", (i) => ({ ...i, data: undefined, parameters: { binary_data_size: 80 } })) }), /wants 80 bytes of binary data; only 0 are left/],
    ["neither data nor binary_data_size", () => ({ inputs: withInput("mask", (i) => ({ ...i, data: undefined })) }), /'mask' has neither data nor parameters.binary_data_size/],
  ];

  it.each(cases)("%s", async (_, body, message) => {
    const r = await call(app, "POST", "/v2/models/hybrid/infer", body());
    expect(r.status, r.text).toBe(400);
    expect(Object.keys(r.json)).toEqual(["error"]);
    expect(r.json.error).toMatch(message);
  });

  it("axes are bounded by the node limits before any value is read", async () => {
    const huge = (n: number, b = 1) => ({
      inputs: [
        // data far too short: the bound must answer before the values are looked at
        { name: "x", shape: [b, n, 17], datatype: "FP32", data: [] },
        { name: "parent", shape: [b, n], datatype: "INT64", data: [] },
        { name: "edge_attr", shape: [b, n, 4], datatype: "FP32", data: [] },
        { name: "link_index", shape: [2, 0], datatype: "INT64", data: [[], []] },
        { name: "link_attr", shape: [0, 3], datatype: "FP32", data: [] },
        { name: "mask", shape: [b, n], datatype: "FP32", data: [] },
      ],
    });
    const cases: [unknown, RegExp][] = [
      [huge(13), /axis 'nodes' is 13; at most 12 \(MAX_NODES\)/],
      [huge(2, 5), /axis 'batch' is 5; at most 4 \(MAX_BATCH\)/],
      [huge(12, 2), /batch x nodes is 24; at most 20 \(MAX_BATCH_NODES\)/],
    ];
    for (const [body, message] of cases) {
      const r = await call(small, "POST", "/v2/models/hybrid/infer", body);
      expect(r.status, r.text).toBe(400);
      expect(r.json.error).toMatch(message);
    }
    const links = huge(2);
    links.inputs[3] = { name: "link_index", shape: [2, 81], datatype: "INT64", data: [] };
    links.inputs[4] = { name: "link_attr", shape: [81, 3], datatype: "FP32", data: [] };
    const r = await call(small, "POST", "/v2/models/hybrid/infer", links);
    expect(r.json.error).toMatch(/axis 'links' is 81; at most 80/);
  });

  it.each([
    ["malformed JSON", "{\"inputs\": [", "application/json", /not valid JSON/],
    ["a text body", "hello", "text/plain", /unsupported Content-Type 'text\/plain'/],
    ["octet-stream without Inference-Header-Content-Length", "abc", "application/octet-stream", /Inference-Header-Content-Length/],
  ])("%s", async (_, body, type, message) => {
    const r = await call(app, "POST", "/v2/models/hybrid/infer", body, { "content-type": type });
    expect([400, 415]).toContain(r.status);
    expect(Object.keys(r.json)).toEqual(["error"]);
    expect(r.json.error).toMatch(message);
  });

  it("no error leaks a server path or a stack", async () => {
    const r = await call(app, "POST", "/v2/models/hybrid/infer", { inputs: [{ name: "x", shape: [1], datatype: "FP32", data: [1] }] });
    expect(r.text).not.toMatch(/\/work\/|node_modules|at .+:\d+:\d+/);
  });
});
