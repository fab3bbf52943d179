import { beforeAll, describe, expect, it } from "vitest";
import { generateNetwork } from "../../src/simulation/generator.js";
import { HEURISTIC_NAMES, HEURISTICS } from "../../src/simulation/heuristics.js";
import { outcome, resolveTask } from "../../src/simulation/outcome.js";
import * as spec from "../../src/simulation/spec.js";
import { call, makeApp, type TestApp } from "../helpers/app.js";
import { exportedModels } from "../helpers/fixtures.js";
import { midEpisode } from "../helpers/networks.js";

describe("POST /compare", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp());
  });

  it("scores every loaded model and every baseline with the simulator's outcome", async () => {
    const mid = midEpisode(25, 8, 0.9);
    const r = await call(app, "POST", "/compare", mid);
    expect(r.status, r.text).toBe(200);
    const c = r.json;
    const names = c.results.map((e: { name: string }) => e.name);
    expect(names).toEqual([...exportedModels(), ...HEURISTIC_NAMES]);
    expect(HEURISTIC_NAMES).toEqual(["random", "round_robin", "least_loaded", "nearest", "greedy", "greedy_static", "jsed", "power_of_two"]);
    const task = resolveTask(mid.network_state, mid.task);
    const o = outcome(mid.network_state, task);
    expect(c.task).toEqual(task);
    expect(c.load).toBe(mid.load);
    expect(c.node_costs).toEqual(Array.from(o.reward, (x) => -x));
    const best = Math.max(...c.valid_nodes.map((i: number) => o.reward[i]!));
    expect(c.greedy.reward).toBe(best);
    expect(c.greedy.cost).toBe(-best);
    for (const e of c.results) {
      const i = e.selected_node;
      expect(c.valid_nodes).toContain(i);
      expect(e.reward).toBe(o.reward[i]);
      expect(e.cost).toBe(-o.reward[i]!);
      expect(e.latency_ms).toBe(o.finish[i]);
      expect(c.node_latency_ms[i]).toBe(o.finish[i]);
      expect(e.tx_ms).toBe(o.arrive[i]);
      expect(e.wait_ms).toBe(o.wait[i]);
      expect(e.energy_j).toBe(o.energyJ[i]);
      expect(e.deadline_met).toBe(o.deadlineMet[i] === 1);
      expect(e.regret).toBeCloseTo(best - e.reward, 12);
      expect(e.regret).toBeGreaterThanOrEqual(0);
      expect(e.matches_greedy).toBe(i === c.greedy.selected_node);
      if (e.kind === "learned") expect(e.probability).toBeGreaterThan(0);
      else expect(e.probability).toBeNull();
    }
    const greedy = c.results.find((e: { name: string }) => e.name === "greedy");
    expect(greedy.regret).toBe(0);
    expect(Object.keys(c.baselines).sort()).toEqual([...HEURISTIC_NAMES].sort());
  });

  it("the baselines choose what heuristics.ts chooses for the request's seed and step", async () => {
    const mid = midEpisode(30, 2, 0.9);
    const c = (await call(app, "POST", "/compare", { ...mid, seed: 11, step: 4 })).json;
    const task = resolveTask(mid.network_state, mid.task);
    const ctx = { net: mid.network_state, task, out: outcome(mid.network_state, task), step: 4, seed: 11 };
    for (const name of HEURISTIC_NAMES) {
      expect(c.results.find((e: { name: string }) => e.name === name).selected_node, name).toBe(HEURISTICS[name](ctx));
    }
  });

  it("is deterministic: the random baselines' seed derives from the request", async () => {
    const body = { network_state: generateNetwork(30, 4) };
    const a = (await call(app, "POST", "/compare", body)).json;
    const b = (await call(app, "POST", "/compare", body)).json;
    expect(a.seed).toBe(b.seed);
    expect(a.load).toBe(spec.DEFAULT_LOAD);
    const pick = (x: { results: { name: string; selected_node: number }[] }) => x.results.map((e) => [e.name, e.selected_node]);
    expect(pick(a)).toEqual(pick(b));
    const seeded = (await call(app, "POST", "/compare", { ...body, seed: 7, step: 3 })).json;
    expect(seeded.seed).toBe(7);
    expect(seeded.step).toBe(3);
  });

  it("unreachable nodes have null latency", async () => {
    const net = generateNetwork(10, 3);
    const cut = { nodes: net.nodes, edges: net.edges.filter(([s, t]) => s !== 5 && t !== 5) };
    const c = (await call(app, "POST", "/compare", { network_state: cut, task: { source: 0 } })).json;
    expect(c.node_latency_ms[5]).toBeNull();
    expect(c.valid_nodes).not.toContain(5);
  });
});
