import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { addEdgesUpTo } from "../../src/routes/networks.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import type { NetworkState } from "../../src/simulation/types.js";
import { call, makeApp, type TestApp } from "../helpers/app.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/generator-python.json", import.meta.url), "utf8")) as {
  cases: { num_nodes: number; seed: number; network: NetworkState }[];
};

describe("POST /networks/generate and /generate-mock-network", () => {
  let app: TestApp;
  beforeAll(async () => {
    ({ app } = await makeApp({}, { load: false }));
  });

  it("returns the Python generator's network for the same seed", async () => {
    for (const c of fixture.cases.filter((c) => c.num_nodes <= 200)) {
      const r = await call(app, "POST", "/networks/generate", { num_nodes: c.num_nodes, seed: c.seed });
      expect(r.status).toBe(200);
      expect(r.json.network_state).toEqual(c.network);
      expect(r.json).toMatchObject({ num_nodes: c.num_nodes, num_edges: c.network.edges.length, seed: c.seed });
    }
  });

  it("same seed twice, same network; no seed draws one and returns it", async () => {
    const a = await call(app, "POST", "/networks/generate", { num_nodes: 30, seed: 5 });
    const b = await call(app, "POST", "/networks/generate", { num_nodes: 30, seed: 5 });
    expect(a.json.network_state).toEqual(b.json.network_state);
    const c = await call(app, "POST", "/networks/generate", { num_nodes: 30 });
    expect(c.status).toBe(200);
    expect(c.json.network_state).toEqual(generateNetwork(30, c.json.seed));
    expect(c.json.tiers.sensor + c.json.tiers.fog + c.json.tiers.cloud).toBe(30);
  });

  it("the reference path accepts {num_nodes, num_edges} and defaults", async () => {
    const r = await call(app, "POST", "/generate-mock-network", { num_nodes: 10, num_edges: 15 });
    expect(r.status).toBe(200);
    expect(r.json.num_nodes).toBe(10);
    expect(r.json.num_edges).toBe(15);
    expect(r.json.network_state.edges).toHaveLength(15);
    expect(typeof r.json.generated_at).toBe("number");
    const d = await call(app, "POST", "/generate-mock-network", {});
    expect(d.status).toBe(200);
    expect(d.json.num_nodes).toBe(10);
  });

  it("addEdgesUpTo keeps the generated links, adds distinct ones, stops at a complete graph", () => {
    const base = generateNetwork(8, 2);
    const more = addEdgesUpTo(base, 20, 2);
    expect(more.edges).toHaveLength(20);
    for (const e of base.edges) expect(more.edges).toContainEqual(e);
    const keys = new Set(more.edges.map(([s, t]) => `${s}-${t}`));
    expect(keys.size).toBe(20);
    for (const [s, t] of more.edges) expect(s).toBeLessThan(t);
    expect(addEdgesUpTo(base, 1000, 2).edges).toHaveLength(28);
    expect(addEdgesUpTo(base, 1, 2)).toBe(base);
    expect(addEdgesUpTo(base, 20, 2)).toEqual(more);
  });
});
