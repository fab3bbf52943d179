import { beforeAll, describe, expect, it } from "vitest";
import { BASELINE_NAMES } from "../../src/simulation/baselines.js";
import { placement } from "../../src/simulation/cost.js";
import { resolveTask } from "../../src/simulation/features.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import { call, makeApp, type TestApp } from "../helpers/app.js";
import { exportedModels } from "../helpers/fixtures.js";

describe("POST /compare", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp());
  });

  it("costs every loaded model and every baseline with the simulator's cost model", async () => {
    const net = generateNetwork(25, 8);
    const r = await call(app, "POST", "/compare", { network_state: net, task: { source: 2 } });
    expect(r.status, r.text).toBe(200);
    const c = r.json;
    const names = c.results.map((e: { name: string }) => e.name);
    expect(names).toEqual([...exportedModels(), ...BASELINE_NAMES]);
    const p = placement(net, resolveTask(net, { source: 2 }));
    expect(c.node_costs).toEqual(Array.from(p.cost));
    expect(c.oracle.cost).toBe(Math.min(...c.valid_nodes.map((i: number) => p.cost[i]!)));
    for (const e of c.results) {
      expect(c.valid_nodes).toContain(e.selected_node);
      expect(e.cost).toBe(p.cost[e.selected_node]);
      expect(e.regret).toBeCloseTo(e.cost - c.oracle.cost, 12);
      expect(e.regret).toBeGreaterThanOrEqual(-1e-6);
      expect(e.matches_oracle).toBe(e.selected_node === c.oracle.selected_node);
      if (e.kind === "learned") expect(e.probability).toBeGreaterThan(0);
      else expect(e.probability).toBeNull();
    }
    const oracle = c.results.find((e: { name: string }) => e.name === "greedy_oracle");
    expect(oracle.regret).toBe(0);
    expect(Object.keys(c.baselines).sort()).toEqual([...BASELINE_NAMES].sort());
  });

  it("is deterministic: the random baseline's seed derives from the request", async () => {
    const body = { network_state: generateNetwork(30, 4) };
    const a = (await call(app, "POST", "/compare", body)).json;
    const b = (await call(app, "POST", "/compare", body)).json;
    expect(a.seed).toBe(b.seed);
    const pick = (x: { results: { name: string; selected_node: number }[] }) => x.results.map((e) => [e.name, e.selected_node]);
    expect(pick(a)).toEqual(pick(b));
    const seeded = (await call(app, "POST", "/compare", { ...body, seed: 7, step: 3 })).json;
    expect(seeded.seed).toBe(7);
    expect(seeded.step).toBe(3);
  });
});
