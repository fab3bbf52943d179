import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateNetwork, tierCounts } from "../../src/simulation/generator.js";
import { routes } from "../../src/simulation/routing.js";
import type { NetworkState } from "../../src/simulation/types.js";
import { networkFixture } from "../helpers/fixtures.js";

const fixture = JSON.parse(readFileSync(new URL("../fixtures/generator-python.json", import.meta.url), "utf8")) as {
  cases: { num_nodes: number; seed: number; network: NetworkState }[];
};

describe("generateNetwork", () => {
  it.each(fixture.cases.map((c) => [c.num_nodes, c.seed, c.network] as const))(
    "N=%d seed=%d is identical to models/edgesim/generator.py",
    (n, seed, expected) => {
      expect(generateNetwork(n, seed)).toEqual(expected);
    },
  );

  it("gives the same network for the same seed and another for another seed", () => {
    expect(generateNetwork(30, 5)).toEqual(generateNetwork(30, 5));
    expect(generateNetwork(30, 5)).not.toEqual(generateNetwork(30, 6));
  });

  it.each([2, 3, 10, 20, 57, 100, 1000])("N=%d: tiers, sorted edges, no self-loops, connected", (n) => {
    const net = generateNetwork(n, n * 13);
    const [s, f, c] = tierCounts(n);
    expect(s + f + c).toBe(n);
    expect(net.nodes.filter((x) => x.node_type === 0)).toHaveLength(s);
    expect(net.nodes.filter((x) => x.node_type === 1)).toHaveLength(f);
    expect(net.nodes.filter((x) => x.node_type === 2)).toHaveLength(c);
    for (let i = 0; i < net.edges.length; i++) {
      const [a, b] = net.edges[i]!;
      expect(a).toBeLessThan(b);
      if (i > 0) {
        const [pa, pb] = net.edges[i - 1]!;
        expect(pa < a || (pa === a && pb < b)).toBe(true);
      }
    }
    // connected: every node is reachable from node 0
    expect(Array.from(routes(net, 0).tree.depth).every((d) => d >= 0)).toBe(true);
  });

  it("rejects sizes outside 2-1000", () => {
    expect(() => generateNetwork(1, 0)).toThrow(RangeError);
    expect(() => generateNetwork(1001, 0)).toThrow(RangeError);
  });
});

const pythonNetworks = networkFixture();
describe.skipIf(pythonNetworks.length === 0)("generateNetwork against models/fixtures/networks.json", () => {
  it("reproduces every network of the models engineer's fixture", () => {
    for (const c of pythonNetworks) expect(generateNetwork(c.num_nodes, c.seed), `N=${c.num_nodes} seed=${c.seed}`).toEqual(c.network_state);
  });
});
