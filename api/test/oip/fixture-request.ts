/** Open Inference Protocol requests built from models/fixtures cases (the exact tensors PyTorch saw). */
import { expect } from "vitest";
import { flat, type FixtureCase } from "../helpers/fixtures.js";

export const TOL = 1e-4;

const DATATYPE: Record<string, "FP32" | "INT64"> = {
  x: "FP32",
  parent: "INT64",
  edge_attr: "FP32",
  mask: "FP32",
  link_index: "INT64",
  link_attr: "FP32",
};

/** The shape of a nested array (an empty innermost list gives 0). */
export function shapeOf(v: unknown): number[] {
  const shape: number[] = [];
  let cur: unknown = v;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  return shape;
}

/** A $request_input; `data` holds anything (the tests send invalid values too). */
export interface RequestInput {
  name: string;
  shape: number[];
  datatype: string;
  data?: unknown[];
  parameters?: Record<string, unknown>;
}

const shapeOfTensor = (name: string, t: unknown[]) =>
  // link_attr of a case without links is [] in the fixture: its shape is [0, 3]
  name === "link_attr" && t.length === 0 ? [0, 3] : shapeOf(t);

/** One input per tensor the model declares, nested as the fixture stores it (or flat). */
export function fixtureInputs(c: FixtureCase, names: string[], layout: "nested" | "flat" = "nested"): RequestInput[] {
  return layout === "flat" ? flatInputs(c, names) : names.map((name) => {
    const t = c.tensors[name as keyof FixtureCase["tensors"]];
    return { name, shape: shapeOfTensor(name, t), datatype: DATATYPE[name]!, data: t };
  });
}

/** The inputs with flat numeric data. */
export function flatInputs(c: FixtureCase, names: string[]): (RequestInput & { data: number[] })[] {
  return names.map((name) => {
    const t = c.tensors[name as keyof FixtureCase["tensors"]];
    return { name, shape: shapeOfTensor(name, t), datatype: DATATYPE[name]!, data: flat(t) };
  });
}

/** Values equal within TOL (relative below -1e4, where masked scores sit at -1e9). */
export function expectClose(actual: number[], expected: number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const tol = TOL * Math.max(1, Math.abs(e) / 1e4);
    if (!(Math.abs(actual[i]! - e) <= tol)) throw new Error(`${what}[${i}]: got ${actual[i]}, expected ${e}`);
  }
}

type Output = { name: string; shape: number[]; datatype: string; data: number[] };

/** The response's outputs equal the fixture's expected scores, probs and value. */
export function expectFixtureOutputs(outputs: Output[], c: FixtureCase, what: string): void {
  const n = c.request.network_state.nodes.length;
  const by = new Map(outputs.map((o) => [o.name, o]));
  expect(by.get("scores")).toMatchObject({ shape: [1, n], datatype: "FP32" });
  expect(by.get("probs")).toMatchObject({ shape: [1, n], datatype: "FP32" });
  expectClose(by.get("scores")!.data, flat(c.expected.scores), `${what} scores`);
  expectClose(by.get("probs")!.data, flat(c.expected.probs), `${what} probs`);
  if (c.expected.value !== undefined && c.expected.value !== null) {
    expect(by.get("value")).toMatchObject({ shape: [1], datatype: "FP32" });
    expectClose(by.get("value")!.data, flat(c.expected.value), `${what} value`);
  }
}
