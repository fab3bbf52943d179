import { describe, expect, it } from "vitest";
import { bestCost, compareCostTraces, normalizeCompare } from "../lib/compare";

// The shape api/src/schemas/predict.ts (CompareResponseSchema) defines.
const apiCompare = {
  oracle: { selected_node: 2, cost: 1.25 },
  task: { source: 3, cpu_mcycles: 500, mem_mb: 128, data_kb: 200, deadline_ms: 500 },
  node_costs: [3, 2, 1.25, 9],
  valid_nodes: [0, 1, 2],
  results: [
    { name: "hybrid", kind: "learned", selected_node: 2, probability: 0.7, cost: 1.25, regret: 0, matches_oracle: true, latency_ms: 40, energy_j: 0.5, deadline_met: true, version: "1.0.0", value: 0.3, processing_time_ms: 0.4 },
    { name: "random", kind: "baseline", selected_node: 0, probability: null, cost: 3, regret: 1.75, matches_oracle: false, latency_ms: 90, energy_j: 0.7, deadline_met: false, processing_time_ms: 0 },
    { name: "greedy_oracle", kind: "baseline", selected_node: 2, probability: null, cost: 1.25, regret: 0, matches_oracle: true, latency_ms: 40, energy_j: 0.5, deadline_met: true, processing_time_ms: 0 },
  ],
  baselines: { random: "uniform over valid nodes" },
  seed: 1,
  step: 0,
  processing_time_ms: 1.2,
};

describe("compare", () => {
  it("reads the API's compare response", () => {
    const r = normalizeCompare(apiCompare);
    expect(r.oracle_node).toBe(2);
    expect(r.oracle_cost).toBe(1.25);
    expect(r.task?.source).toBe(3);
    expect(r.node_costs).toEqual([3, 2, 1.25, 9]);
    expect(r.entries.map((e) => [e.name, e.kind, e.selected_node, e.matches_oracle])).toEqual([
      ["hybrid", "learned", 2, true],
      ["random", "baseline", 0, false],
      ["greedy_oracle", "baseline", 2, true],
    ]);
    expect(r.entries[1]).toMatchObject({ regret: 1.75, latency_ms: 90, energy_j: 0.7, deadline_met: false, probability: null });
  });

  it("reads a results array and fills oracle agreement from the oracle node", () => {
    const r = normalizeCompare({
      results: [
        { policy: "random", kind: "baseline", selected_node: 4, probability: 0.1, cost: 9 },
        { policy: "hybrid", kind: "learned", selected_node: 2, probability: 0.8, cost: 3 },
        { policy: "greedy_oracle", kind: "baseline", selected_node: 2, probability: null, cost: 3 },
      ],
      oracle_node: 2,
      node_costs: [5, 6, 3, 7, 9],
      task: { source: 1 },
    });
    expect(r.entries.map((e) => e.name)).toEqual(["hybrid", "random", "greedy_oracle"]);
    expect(r.entries.map((e) => e.matches_oracle)).toEqual([true, false, true]);
    expect(r.oracle_node).toBe(2);
    expect(r.node_costs).toEqual([5, 6, 3, 7, 9]);
    expect(r.task).toEqual({ source: 1 });
    expect(bestCost(r)).toBe(3);
  });

  it("reads models/baselines split by kind and an oracle object", () => {
    const r = normalizeCompare({
      models: { dqn: { selected_node: 1, probability: 0.5, cost: 2 } },
      baselines: [{ name: "nearest", selected_node: 0, cost: 4 }],
      oracle: { selected_node: 1 },
    });
    const none = { regret: null, latency_ms: null, energy_j: null, deadline_met: null };
    expect(r.entries).toEqual([
      { name: "dqn", kind: "learned", selected_node: 1, probability: 0.5, cost: 2, matches_oracle: true, ...none },
      { name: "nearest", kind: "baseline", selected_node: 0, probability: null, cost: 4, matches_oracle: false, ...none },
    ]);
  });

  it("derives the oracle node from a greedy_oracle entry and keeps explicit flags", () => {
    const r = normalizeCompare({
      results: [
        { name: "ppo", selected_node: 3, matches_oracle: false },
        { name: "greedy_oracle", kind: "baseline", selected_node: 3 },
      ],
    });
    expect(r.oracle_node).toBe(3);
    expect(r.entries[0]!.matches_oracle).toBe(false);
  });

  it("skips entries without a node and tolerates junk", () => {
    expect(normalizeCompare({ results: [{ name: "x" }] }).entries).toEqual([]);
    expect(normalizeCompare(null)).toEqual({ entries: [], oracle_node: null, oracle_cost: null, node_costs: null, task: null });
  });

  it("charts only entries with a cost, oracle in green", () => {
    const r = normalizeCompare({
      results: [
        { name: "hybrid", kind: "learned", selected_node: 1, cost: 2 },
        { name: "greedy_oracle", kind: "baseline", selected_node: 1, cost: 2 },
        { name: "random", kind: "baseline", selected_node: 0 },
      ],
    });
    const [trace] = compareCostTraces(r) as Record<string, any>[];
    expect(trace!.x).toEqual(["hybrid", "greedy_oracle"]);
    expect(trace!.marker.color).toEqual(["#2563eb", "#16a34a"]);
  });
});
