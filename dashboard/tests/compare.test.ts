import { describe, expect, it } from "vitest";
import { bestReward, compareColor, compareRewardTraces, GREEDY, orderedEntries } from "../lib/compare";
import type { CompareEntry, CompareResponse } from "../lib/types";

const entry = (name: string, kind: "learned" | "baseline", selected_node: number, reward: number, extra: Partial<CompareEntry> = {}): CompareEntry => ({
  name,
  kind,
  selected_node,
  probability: kind === "learned" ? 0.7 : null,
  reward,
  cost: -reward,
  regret: 1.5 - reward,
  matches_greedy: selected_node === 2,
  latency_ms: 40,
  tx_ms: 5,
  wait_ms: 12,
  energy_j: 0.5,
  deadline_met: true,
  processing_time_ms: 0.1,
  ...extra,
});

// A /compare response as api/src/schemas/predict.ts (CompareResponseSchema) types it.
const response: CompareResponse = {
  greedy: { selected_node: 2, reward: 1.5, cost: -1.5 },
  task: { source: 3, cpu_mcycles: 500, mem_mb: 128, data_kb: 200, deadline_ms: 500 },
  load: 0.56,
  node_costs: [3, 2, -1.5, 9],
  node_latency_ms: [90, 60, 40, null],
  valid_nodes: [0, 1, 2],
  results: [
    entry("random", "baseline", 0, -3),
    entry("hybrid", "learned", 1, -2, { model_version: "1", value: -40 }),
    entry("greedy", "baseline", 2, 1.5),
    entry("dqn", "learned", 2, 1.5),
    entry("jsed", "baseline", 2, 1.5),
  ],
  baselines: {
    random: "uniform",
    round_robin: "rr",
    least_loaded: "ll",
    nearest: "n",
    greedy: "one-step optimum",
    greedy_static: "gs",
    jsed: "jsed",
    power_of_two: "p2",
  },
  seed: 1,
  step: 0,
  processing_time_ms: 1.2,
};

const t = (d: unknown) => d as Record<string, any>;

describe("compare", () => {
  it("puts learned models first, then baselines, each in the API's order", () => {
    expect(orderedEntries(response).map((e) => e.name)).toEqual(["hybrid", "dqn", "random", "greedy", "jsed"]);
  });

  it("finds the best immediate reward (greedy's)", () => {
    expect(bestReward(response)).toBe(response.greedy.reward);
    expect(bestReward({ results: [] })).toBeNull();
  });

  it("charts each policy's reward labelled with its node, greedy in green", () => {
    const [trace] = compareRewardTraces(response).map(t);
    expect(trace!.x).toEqual(["hybrid", "dqn", "random", "greedy", "jsed"]);
    expect(trace!.y).toEqual([-2, 1.5, -3, 1.5, 1.5]);
    expect(trace!.text).toEqual(["node 1", "node 2", "node 0", "node 2", "node 2"]);
    expect(trace!.marker.color).toEqual(["#2563eb", "#2563eb", "#94a3b8", "#16a34a", "#94a3b8"]);
    expect(compareColor({ name: GREEDY, kind: "baseline" })).toBe("#16a34a");
  });
});
