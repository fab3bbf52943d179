import { describe, expect, it } from "vitest";
import { MAX_ADJ_FLOATS, packGroup, planGroups, prepareNetwork } from "../../src/inference/tensors.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import * as spec from "../../src/simulation/spec.js";

describe("planGroups", () => {
  it("groups equal sizes into one run and keeps every index once", () => {
    const sizes = [20, 20, 30, 20, 30];
    const plans = planGroups(sizes, { maxRunBatch: 1024, pad: false });
    expect(plans).toEqual([
      { members: [0, 1, 3], padded: 20 },
      { members: [2, 4], padded: 30 },
    ]);
  });
  it("pads close sizes together when padding wastes little", () => {
    const plans = planGroups([20, 21, 20, 200], { maxRunBatch: 1024, pad: true });
    expect(plans[0]).toEqual({ members: [0, 2, 1], padded: 21 });
    expect(plans[1]).toEqual({ members: [3], padded: 200 });
  });
  it("chunks by maxRunBatch and by adjacency size", () => {
    expect(planGroups(new Array(10).fill(5), { maxRunBatch: 4, pad: true }).map((p) => p.members.length)).toEqual([4, 4, 2]);
    const big = planGroups(new Array(40).fill(1000), { maxRunBatch: 1024, pad: true });
    for (const p of big) expect(p.members.length * 1000 * 1000).toBeLessThanOrEqual(MAX_ADJ_FLOATS);
    expect(big.flatMap((p) => p.members).sort((a, b) => a - b)).toEqual([...Array(40).keys()]);
  });
});

describe("packGroup", () => {
  it("lays networks out as [B, P, F] with zero padding and mask 0 on padding", () => {
    const a = prepareNetwork(generateNetwork(3, 1));
    const b = prepareNetwork(generateNetwork(5, 2));
    const p = packGroup([a, b], 5);
    const F = spec.NUM_FEATURES;
    expect(p.B).toBe(2);
    expect(p.N).toBe(5);
    expect(p.x.length).toBe(2 * 5 * F);
    expect(p.adj.length).toBe(2 * 25);
    expect(Array.from(p.mask.subarray(3, 5))).toEqual([0, 0]);
    expect(p.x.subarray(3 * F, 5 * F).every((v) => v === 0)).toBe(true);
    expect(p.x[0]).toBe(Math.fround(a.net.nodes[0]!.cpu_util));
    expect(p.x[5 * F]).toBe(Math.fround(b.net.nodes[0]!.cpu_util));
    for (const [s, t] of b.net.edges) expect(p.adj[25 + s * 5 + t]).toBe(1);
  });
});
