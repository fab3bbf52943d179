/**
 * Parity of the environment v2 mirror (routing.ts, outcome.ts, heuristics.ts) with PyTorch: every
 * case of models/fixtures/simulation.json (written by models/pipeline/sim_fixtures.py).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { HEURISTICS, type HeuristicName } from "../../src/simulation/heuristics.js";
import { featureTensors, outcome, resolveTask, type TaskInput } from "../../src/simulation/outcome.js";
import * as spec from "../../src/simulation/spec.js";
import type { NetworkState } from "../../src/simulation/types.js";
import { FIXTURES_DIR } from "../helpers/fixtures.js";

const CHOICES = ["greedy", "greedy_static", "jsed", "least_loaded", "nearest"] as const satisfies readonly HeuristicName[];

interface SimCase {
  description: string;
  request: { network_state: NetworkState; task?: TaskInput; load?: number };
  expected: {
    /** null where unreachable (Infinity) */
    arrive: (number | null)[];
    link_wait: number[];
    /** 0 where unreachable */
    wait: (number | null)[];
    finish: (number | null)[];
    reward: number[];
    valid: number[];
    parent: number[];
    link: number[];
    depth: number[];
    x: number[][];
    edge_attr: number[][];
    mask: number[];
  } & Record<(typeof CHOICES)[number], number>;
}

const PATH = join(FIXTURES_DIR, "simulation.json");
const cases: SimCase[] = existsSync(PATH) ? (JSON.parse(readFileSync(PATH, "utf8")) as { cases: SimCase[] }).cases : [];

/** First index where got and expected differ (null expected: got must be non-finite), or -1. */
function mismatch(got: ArrayLike<number>, exp: readonly (number | null)[], same: (g: number, e: number) => boolean): number {
  if (got.length !== exp.length) return 0;
  for (let i = 0; i < exp.length; i++) {
    const e = exp[i]!;
    const g = got[i]!;
    if (e === null ? Number.isFinite(g) : !same(g, e)) return i;
  }
  return -1;
}

const exact = (g: number, e: number) => g === e;
const rel = (g: number, e: number) => Math.abs(g - e) <= 1e-9 * Math.max(1, Math.abs(e));
const asF32 = (g: number, e: number) => g === Math.fround(e);

describe.skipIf(cases.length === 0)("environment v2 parity with models/fixtures/simulation.json", () => {
  it("has the cases the brief asks for", () => {
    expect(cases.length).toBeGreaterThanOrEqual(40);
    const sizes = cases.map((c) => c.request.network_state.nodes.length);
    expect(Math.min(...sizes)).toBe(2);
    expect(Math.max(...sizes)).toBe(1000);
  });

  describe.each(cases.map((c, i) => [i, c.description, c] as const))("case %i: %s", (_i, _d, c) => {
    const net = c.request.network_state;
    const task = resolveTask(net, c.request.task);
    const out = outcome(net, task);
    const exp = c.expected;
    const n = net.nodes.length;

    it("route tree: parent, link and depth are identical", () => {
      expect(Array.from(out.parent)).toEqual(exp.parent);
      expect(Array.from(out.link)).toEqual(exp.link);
      expect(Array.from(out.depth)).toEqual(exp.depth);
    });

    it("outcome: float64 values agree (reward within 1e-9, the rest bit for bit) and validity is identical", () => {
      const linkWait = out.arrive.map((a, i) => (Number.isFinite(a) ? a - out.idle[i]! : 0));
      // Everything but the reward is elementwise IEEE arithmetic in both languages, so it is exact.
      // The reward's balance term sums over nodes, which torch does in a CPU-dependent SIMD order.
      expect(mismatch(out.arrive, exp.arrive, exact), "arrive").toBe(-1);
      expect(mismatch(linkWait, exp.link_wait, exact), "link_wait").toBe(-1);
      expect(mismatch(out.wait, exp.wait, exact), "wait").toBe(-1);
      expect(mismatch(out.finish, exp.finish, exact), "finish").toBe(-1);
      expect(mismatch(out.reward, exp.reward, rel), "reward").toBe(-1);
      expect(Array.from(out.valid)).toEqual(exp.valid);
    });

    it("features: x and edge_attr are the same float32 values, parent and mask identical", () => {
      const f = featureTensors(net, task, out, c.request.load);
      expect(mismatch(f.x, exp.x.flat(), asF32), "x").toBe(-1);
      expect(mismatch(f.edgeAttr, exp.edge_attr.flat(), asF32), "edge_attr").toBe(-1);
      expect(exp.x[0]?.length ?? spec.NUM_NODE_FEATURES).toBe(spec.NUM_NODE_FEATURES);
      expect(Array.from(f.parent, Number)).toEqual(exp.parent);
      expect(Array.from(f.mask)).toEqual(exp.mask);
      expect(f.mask.length).toBe(n);
    });

    it("baselines choose the same node", () => {
      const ctx = { net, task, out, step: 0, seed: 0 };
      for (const name of CHOICES) expect(HEURISTICS[name](ctx), name).toBe(exp[name]);
    });
  });
});
