/**
 * Parity with PyTorch: every case of models/fixtures/<model>.json reproduced end to end through
 * /predict and /batch-predict (scores, probs, value within 1e-4, same selected node) and through
 * /compare (node_costs within 1e-4).
 */
import { beforeAll, describe, expect, it } from "vitest";
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

function check(pred: { q_values: (number | null)[]; node_scores: Record<string, number>; value?: number; selected_node: number }, c: FixtureCase, what: string) {
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

describe.skipIf(!HAS_FIXTURES)("models/fixtures parity", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp());
  });

  it("every exported model has a fixture file", () => {
    expect(fixtureNames()).toEqual(expect.arrayContaining(exportedModels()));
  });

  for (const name of fixtureNames()) {
    describe(name, () => {
      const fx = loadFixture(name);

      it("has at least 50 cases", () => expect(fx.cases.length).toBeGreaterThanOrEqual(50));

      // Cases where every node is masked (selected_node -1) must be refused with 422 no_valid_node.
      const placeable = fx.cases.filter((c) => c.expected.selected_node >= 0);
      const unplaceable = fx.cases.filter((c) => c.expected.selected_node < 0);

      it("every case through /predict", async () => {
        for (let k = 0; k < fx.cases.length; k++) {
          const c = fx.cases[k]!;
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

      it("node_costs through /compare", async () => {
        for (let k = 0; k < fx.cases.length; k++) {
          const c = fx.cases[k]!;
          const r = await call(app, "POST", "/compare", c.request);
          if (r.status === 422 && r.json.error === "no_valid_node") continue;
          expect(r.status, r.text.slice(0, 300)).toBe(200);
          closeTo(r.json.node_costs, flat(c.expected.node_costs), `case ${k} node_costs`);
        }
      });
    });
  }
});
