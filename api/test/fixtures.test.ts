/**
 * Parity with PyTorch: every case of models/fixtures/<model>.json (contract v2) reproduced end to
 * end. The request packs into exactly the fixture's tensors (x, parent, edge_attr, mask, link_index,
 * link_attr), and /predict and /batch-predict give its scores, probs and value within 1e-4 and the
 * same selected node.
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { AppDeps } from "../src/context.js";
import { decode } from "../src/inference/predictor.js";
import { packGroup, prepareNetwork, type Packed } from "../src/inference/tensors.js";
import type { EdgeState } from "../src/simulation/types.js";
import { call, makeApp, type TestApp } from "./helpers/app.js";
import { exportedModels, fixtureNames, flat, HAS_FIXTURES, loadFixture, type FixtureCase } from "./helpers/fixtures.js";

const TOL = 1e-4;

function closeTo(actual: (number | null)[], expected: number[], what: string): void {
  expect(actual.length, what).toBe(expected.length);
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i]!;
    const a = actual[i];
    // Masked scores may be huge negatives; compare relatively there.
    const tol = TOL * Math.max(1, Math.abs(e) / 1e4);
    if (a === null || a === undefined || Math.abs(a - e) > tol) throw new Error(`${what}[${i}]: got ${a}, expected ${e}`);
  }
}

type PredLike = { q_values: (number | null)[]; node_scores: Record<string, number>; value?: number; selected_node: number };

function check(pred: PredLike, c: FixtureCase, what: string) {
  const n = c.request.network_state.nodes.length;
  closeTo(pred.q_values, flat(c.expected.scores), `${what} scores`);
  closeTo(
    Array.from({ length: n }, (_, i) => pred.node_scores[String(i)]!),
    flat(c.expected.probs),
    `${what} probs`,
  );
  const v = c.expected.value;
  if (v !== undefined && v !== null) {
    expect(pred.value, `${what} value`).toBeDefined();
    expect(Math.abs(pred.value! - flat(v)[0]!), `${what} value`).toBeLessThan(TOL);
  }
  expect(pred.selected_node, `${what} selected_node`).toBe(c.expected.selected_node);
}

/** Float tensors hold exactly the float32 the fixture lists; integer tensors are identical. */
function expectTensors(p: Packed, c: FixtureCase, what: string): void {
  const t = c.tensors;
  const same32 = (got: Float32Array, exp: number[], name: string) => {
    expect(got.length, `${what} ${name} length`).toBe(exp.length);
    for (let i = 0; i < exp.length; i++) if (got[i] !== Math.fround(exp[i]!)) throw new Error(`${what} ${name}[${i}]: got ${got[i]}, expected ${exp[i]}`);
  };
  same32(p.x, flat(t.x), "x");
  same32(p.edgeAttr, flat(t.edge_attr), "edge_attr");
  same32(p.mask, flat(t.mask), "mask");
  same32(p.linkAttr, flat(t.link_attr), "link_attr");
  expect(Array.from(p.parent, Number), `${what} parent`).toEqual(flat(t.parent));
  expect(Array.from(p.linkIndex, Number), `${what} link_index`).toEqual(flat(t.link_index));
  expect(p.L, `${what} links`).toBe(t.link_index[0]?.length ?? 0);
}

/** Requests the API refuses by design: a link of capacity 0 (Python reads it as a link that is down). */
const refused = (c: FixtureCase) =>
  c.request.network_state.edges.some((e) => !Array.isArray(e) && (e as EdgeState).capacity_mbps !== undefined && (e as EdgeState).capacity_mbps! <= 0);

const prepare = (c: FixtureCase) => prepareNetwork(c.request.network_state, c.request.task, c.request.load);

describe.skipIf(!HAS_FIXTURES)("models/fixtures parity", () => {
  let app: TestApp;
  let deps: AppDeps;
  beforeAll(async () => {
    ({ app, deps } = await makeApp());
  });

  it("every exported model has a fixture file", () => {
    expect(fixtureNames()).toEqual(expect.arrayContaining(exportedModels()));
  });

  for (const name of fixtureNames()) {
    describe(name, () => {
      const fx = loadFixture(name);
      // Cases where every node is masked (selected_node -1) must be refused with 422 no_valid_node.
      const accepted = fx.cases.filter((c) => !refused(c));
      const placeable = accepted.filter((c) => c.expected.selected_node >= 0);
      const unplaceable = accepted.filter((c) => c.expected.selected_node < 0);

      it("has at least 50 cases, 2 to 1000 nodes", () => {
        expect(fx.cases.length).toBeGreaterThanOrEqual(50);
        const sizes = fx.cases.map((c) => c.request.network_state.nodes.length);
        expect([Math.min(...sizes), Math.max(...sizes)]).toEqual([2, 1000]);
      });

      it("every request packs into exactly the fixture's tensors", () => {
        fx.cases.forEach((c, k) => {
          const prep = prepare(c);
          expectTensors(packGroup([prep], prep.n), c, `case ${k} (${c.description ?? ""})`);
        });
      });

      it("every case through /predict", async () => {
        for (let k = 0; k < accepted.length; k++) {
          const c = accepted[k]!;
          const r = await call(app, "POST", "/predict", { ...c.request, model_type: fx.model });
          const what = `case ${k} (${c.description ?? ""})`;
          if (c.expected.selected_node < 0) {
            expect(r.status, what).toBe(422);
            expect(r.json.error).toBe("no_valid_node");
            continue;
          }
          expect(r.status, `${what}: ${r.text.slice(0, 300)}`).toBe(200);
          check(r.json, c, what);
        }
      });

      it("all placeable cases in one /batch-predict", async () => {
        const r = await call(app, "POST", "/batch-predict", {
          network_states: placeable.map((c) => c.request.network_state),
          tasks: placeable.map((c) => c.request.task ?? {}),
          loads: placeable.map((c) => c.request.load ?? 0.6),
          model_type: fx.model,
        });
        expect(r.status, r.text.slice(0, 300)).toBe(200);
        expect(r.json.onnx_runs).toBeLessThan(placeable.length);
        placeable.forEach((c, k) => check(r.json.predictions[k], c, `batch case ${k} (${c.description ?? ""})`));
      });

      it.skipIf(unplaceable.length === 0)("a batch containing an unplaceable network is refused with 422", async () => {
        const r = await call(app, "POST", "/batch-predict", {
          network_states: [placeable[0]!.request.network_state, unplaceable[0]!.request.network_state],
          tasks: [placeable[0]!.request.task ?? {}, unplaceable[0]!.request.task ?? {}],
          model_type: fx.model,
        });
        expect(r.status).toBe(422);
        expect(r.json.error).toBe("no_valid_node");
      });

      const zero = fx.cases.filter(refused);
      it.skipIf(zero.length === 0)("links of capacity 0: refused over HTTP (422 naming the field), the model still agrees on the packed tensors", async () => {
        for (const c of zero) {
          const r = await call(app, "POST", "/predict", { ...c.request, model_type: fx.model });
          expect(r.status).toBe(422);
          expect(r.json.issues.some((i: { path: string }) => /^network_state\.edges\[\d+\]\.capacity_mbps$/.test(i.path)), r.text).toBe(true);
          const model = deps.registry.get(fx.model)!;
          const prep = prepare(c);
          const out = await model.run(packGroup([prep], prep.n));
          check(decode(prep, out, 0, prep.n, model, 0), c, c.description ?? "capacity 0");
        }
      });
    });
  }
});
