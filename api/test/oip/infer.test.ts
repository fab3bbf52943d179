/**
 * POST /v2/models/{name}/infer on the raw tensors of models/fixtures: the outputs equal PyTorch's within
 * 1e-4, JSON and binary tensor data alike. Invalid tensors are refused with the protocol's 400 before
 * anything runs.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, makeApp, type TestApp } from "../helpers/app.js";
import { exportedModels, fixtureNames, flat, loadFixture, type FixtureCase } from "../helpers/fixtures.js";
import { repositoryConfig } from "../helpers/repository.js";
import { expectClose, expectFixtureOutputs, fixtureInputs, flatInputs } from "./fixture-request.js";

const HYBRID = exportedModels().includes("hybrid") && fixtureNames().includes("hybrid");
const DEFAULT = HYBRID ? String(repositoryConfig("hybrid").default_version) : ""; // the version a server loads

/** The model's declared input names, from its metadata. */
async function inputNames(app: TestApp, model: string): Promise<string[]> {
  const r = await call(app, "GET", `/v2/models/${model}`);
  return r.json.inputs.map((i: { name: string }) => i.name);
}

describe.skipIf(!HYBRID)("infer on the fixtures' tensors", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp());
  });

  it("hybrid: every case of models/fixtures/hybrid.json gives its outputs within 1e-4", async () => {
    const fx = loadFixture("hybrid");
    const names = await inputNames(app, "hybrid");
    expect(names).toEqual(["x", "parent", "edge_attr", "link_index", "link_attr", "mask"]);
    for (const [k, c] of fx.cases.entries()) {
      const r = await call(app, "POST", "/v2/models/hybrid/infer", { id: `case-${k}`, inputs: fixtureInputs(c, names) });
      expect(r.status, `case ${k}: ${r.text.slice(0, 300)}`).toBe(200);
      expect(r.json).toMatchObject({ model_name: "hybrid", model_version: DEFAULT, id: `case-${k}` });
      expect(r.json.outputs.map((o: { name: string }) => o.name)).toEqual(["scores", "probs", "value"]);
      expectFixtureOutputs(r.json.outputs, c, `case ${k} (${c.description})`);
    }
  });

  it.each(exportedModels().filter((m) => m !== "hybrid" && fixtureNames().includes(m)))(
    "%s: the graph's own inputs (a subset for the node-wise models) reproduce the fixture",
    async (model) => {
      const fx = loadFixture(model);
      const names = await inputNames(app, model);
      for (const c of fx.cases.slice(0, 10)) {
        const r = await call(app, "POST", `/v2/models/${model}/infer`, { inputs: fixtureInputs(c, names) });
        expect(r.status, r.text.slice(0, 300)).toBe(200);
        expectFixtureOutputs(r.json.outputs, c, `${model} ${c.description}`);
      }
    },
  );

  it("a batch of the same network twice gives the fixture's outputs for each", async () => {
    const c = loadFixture("hybrid").cases.find((k) => k.request.network_state.nodes.length === 20)!;
    const n = 20;
    const t = c.tensors;
    const L = t.link_index[0]!.length;
    const twice = <T>(v: T[]): T[] => [...v, ...v];
    const inputs = [
      { name: "x", shape: [2, n, 17], datatype: "FP32", data: twice(t.x) },
      { name: "parent", shape: [2, n], datatype: "INT64", data: twice(t.parent) },
      { name: "edge_attr", shape: [2, n, 4], datatype: "FP32", data: twice(t.edge_attr) },
      // links of the second network are flattened indices b * N + v
      { name: "link_index", shape: [2, 2 * L], datatype: "INT64", data: t.link_index.map((row) => [...row, ...row.map((v) => v + n)]) },
      { name: "link_attr", shape: [2 * L, 3], datatype: "FP32", data: twice(t.link_attr) },
      { name: "mask", shape: [2, n], datatype: "FP32", data: twice(t.mask) },
    ];
    const r = await call(app, "POST", "/v2/models/hybrid/infer", { inputs, outputs: [{ name: "probs" }] });
    expect(r.status, r.text.slice(0, 300)).toBe(200);
    const [probs] = r.json.outputs;
    expect(probs).toMatchObject({ name: "probs", shape: [2, n] });
    for (const b of [0, 1]) expectClose(probs.data.slice(b * n, (b + 1) * n), flat(c.expected.probs), `network ${b} probs`);
  });
});

/** A binary request: the JSON header, then the little-endian bytes of every input in order. */
function binaryRequest(header: Record<string, unknown>, tensors: { datatype: string; data: number[] }[]): { body: Uint8Array; headerLength: number } {
  const chunks = tensors.map((t) =>
    t.datatype === "INT64" ? new Uint8Array(BigInt64Array.from(t.data, (v) => BigInt(v)).buffer) : new Uint8Array(Float32Array.from(t.data).buffer),
  );
  const json = new TextEncoder().encode(JSON.stringify(header));
  const body = new Uint8Array(json.length + chunks.reduce((n, c) => n + c.length, 0));
  body.set(json);
  let off = json.length;
  for (const c of chunks) {
    body.set(c, off);
    off += c.length;
  }
  return { body, headerLength: json.length };
}

describe.skipIf(!HYBRID)("binary tensor data extension", () => {
  let app: TestApp;
  let c: FixtureCase;
  let names: string[];
  beforeAll(async () => {
    ({ app } = await makeApp());
    c = loadFixture("hybrid").cases.find((k) => k.request.network_state.nodes.length === 20)!;
    names = await inputNames(app, "hybrid");
  });

  const post = (body: Uint8Array, headerLength: number | string) =>
    app.request("/v2/models/hybrid/infer", {
      method: "POST",
      headers: { "content-type": "application/octet-stream", "inference-header-content-length": String(headerLength) },
      body,
    });

  it("binary inputs and binary outputs give the same numbers as JSON", async () => {
    const inputs = flatInputs(c, names);
    const header = {
      id: "bin",
      parameters: { binary_data_output: true },
      inputs: inputs.map(({ data, ...rest }) => ({ ...rest, parameters: { binary_data_size: data.length * (rest.datatype === "INT64" ? 8 : 4) } })),
    };
    const { body, headerLength } = binaryRequest(header, inputs);
    const res = await post(body, headerLength);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/octet-stream");
    const bytes = new Uint8Array(await res.arrayBuffer());
    const n = Number(res.headers.get("inference-header-content-length"));
    const head = JSON.parse(new TextDecoder().decode(bytes.subarray(0, n)));
    expect(head).toMatchObject({ model_name: "hybrid", model_version: DEFAULT, id: "bin" });
    let off = n;
    const outputs = head.outputs.map((o: { name: string; shape: number[]; datatype: string; parameters: { binary_data_size: number }; data?: unknown }) => {
      expect(o.data).toBeUndefined();
      const size = o.parameters.binary_data_size;
      const data = Array.from(new Float32Array(bytes.slice(off, off + size).buffer));
      off += size;
      return { ...o, data };
    });
    expect(off).toBe(bytes.length);
    expectFixtureOutputs(outputs, c, "binary");
    const viaJson = await call(app, "POST", "/v2/models/hybrid/infer", { inputs: fixtureInputs(c, names) });
    for (const [i, o] of outputs.entries()) expect(o.data).toEqual(viaJson.json.outputs[i].data);
  });

  it("mixes JSON and binary inputs; one output asked for as binary, the others stay JSON", async () => {
    const inputs = flatInputs(c, names);
    const [first, ...others] = inputs;
    const header = {
      inputs: [{ ...first!, data: undefined, parameters: { binary_data_size: first!.data.length * 4 } }, ...others],
      outputs: [{ name: "probs", parameters: { binary_data: true } }, { name: "value" }],
    };
    const { body, headerLength } = binaryRequest(header, [first!]);
    const res = await post(body, headerLength);
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const n = Number(res.headers.get("inference-header-content-length"));
    const head = JSON.parse(new TextDecoder().decode(bytes.subarray(0, n)));
    expect(head.outputs.map((o: { name: string }) => o.name)).toEqual(["probs", "value"]);
    expect(head.outputs[0].parameters).toEqual({ binary_data_size: 20 * 4 });
    expect(head.outputs[1].data).toHaveLength(1);
    expect(bytes.length - n).toBe(80);
  });

  it.each([
    ["a header length past the body", (b: Uint8Array, n: number) => [b, n + b.length] as const, /Inference-Header-Content-Length/],
    ["a header length that cuts the JSON", (b: Uint8Array, n: number) => [b, n - 1] as const, /not a JSON inference request/],
    ["missing bytes", (b: Uint8Array, n: number) => [b.subarray(0, b.length - 4), n] as const, /wants \d+ bytes/],
    ["extra bytes", (b: Uint8Array, n: number) => [new Uint8Array([...b, 0, 0, 0, 0]), n] as const, /belong to no input/],
  ])("refuses %s with the protocol's 400", async (_, mangle, message) => {
    const inputs = flatInputs(c, names);
    const header = { inputs: inputs.map(({ data, ...rest }) => ({ ...rest, parameters: { binary_data_size: data.length * (rest.datatype === "INT64" ? 8 : 4) } })) };
    const { body, headerLength } = binaryRequest(header, inputs);
    const [b, n] = mangle(body, headerLength);
    const res = await post(new Uint8Array(b), n);
    expect(res.status).toBe(400);
    const json = (await res.json()) as { error: string };
    expect(Object.keys(json)).toEqual(["error"]);
    expect(json.error).toMatch(message);
  });
});
