import { describe, expect, it } from "vitest";
import {
  baseLayout,
  colorMap,
  evalPolicies,
  evalSizes,
  evalTable,
  latencyPercentileTraces,
  latencyQueueTraces,
  resourceBarTraces,
  rewardBarTraces,
  scalingTraces,
  scoreBarTraces,
  trainingCurveTraces,
} from "../lib/charts";
import type { EvalResult } from "../lib/types";
import { smallNetwork } from "./fixtures";

const r = (policy: string, kind: string, num_nodes: number, mean_reward: number, std_reward: number): EvalResult => ({
  policy,
  kind,
  num_nodes,
  mean_reward,
  std_reward,
  deadline_met_rate: 0.5,
  mean_latency_ms: 10 + num_nodes,
});

const results: EvalResult[] = [
  r("random", "baseline", 20, -1, 0.5),
  r("hybrid", "learned", 20, 2, 0.3),
  r("hybrid", "learned", 200, 1.5, 0.4),
  r("random", "baseline", 200, -2, 0.6),
  r("dqn", "learned", 20, 1, 0.2),
];

// plotly's Data union makes property access awkward in tests.
const t = (d: unknown) => d as Record<string, any>;

describe("evaluation shaping", () => {
  it("lists sizes ascending and policies learned-first", () => {
    expect(evalSizes(results)).toEqual([20, 200]);
    expect(evalPolicies(results).map((p) => p.policy)).toEqual(["hybrid", "dqn", "random"]);
  });

  it("builds one bar trace per size with std error bars aligned to policies", () => {
    const traces = rewardBarTraces(results).map(t);
    expect(traces).toHaveLength(2);
    expect(traces[0]!.name).toBe("20 nodes");
    expect(traces[0]!.x).toEqual(["hybrid", "dqn", "random"]);
    expect(traces[0]!.y).toEqual([2, 1, -1]);
    expect(traces[0]!.error_y.array).toEqual([0.3, 0.2, 0.5]);
    expect(traces[0]!.error_y.visible).toBe(true);
    // dqn has no 200-node row: a gap, not an invented zero
    expect(traces[1]!.y).toEqual([1.5, null, -2]);
  });

  it("builds scaling lines per policy; reward lines carry error bars", () => {
    const reward = scalingTraces(results, "mean_reward").map(t);
    expect(reward.map((x) => x.name)).toEqual(["hybrid", "dqn", "random"]);
    expect(reward[0]!.x).toEqual([20, 200]);
    expect(reward[0]!.y).toEqual([2, 1.5]);
    expect(reward[0]!.error_y.array).toEqual([0.3, 0.4]);
    expect(reward[2]!.line.dash).toBe("dot");
    const latency = scalingTraces(results, "mean_latency_ms").map(t);
    expect(latency[0]!.y).toEqual([30, 210]);
    expect(latency[0]!.error_y).toBeUndefined();
  });

  it("ranks a size's rows by mean reward", () => {
    const rows = evalTable(results, 20);
    expect(rows.map((x) => [x.policy, x.rank, x.best])).toEqual([
      ["hybrid", 1, true],
      ["dqn", 2, false],
      ["random", 3, false],
    ]);
  });
});

describe("node charts", () => {
  it("turns utilisation into percent and outlines the selected node", () => {
    const [cpu, mem] = resourceBarTraces(smallNetwork, 1).map(t);
    expect(cpu!.y[1]).toBeCloseTo(90);
    expect(mem!.y[0]).toBeCloseTo(50);
    expect(cpu!.marker.line.width).toEqual([0, 2.5, 0, 0, 0, 0, 0]);
  });

  it("puts queue length on the second axis", () => {
    const [lat, queue] = latencyQueueTraces(smallNetwork).map(t);
    expect(lat!.y).toEqual(smallNetwork.nodes.map((n) => n.latency));
    expect(queue!.yaxis).toBe("y2");
  });

  it("drops masked scores and colours the chosen node", () => {
    const [s] = scoreBarTraces([0.2, -1e9, 0.8], 2, "p").map(t);
    expect(s!.y).toEqual([0.2, null, 0.8]);
    expect(s!.marker.color[2]).toBe("#dc2626");
  });
});

describe("latency and training charts", () => {
  it("groups p50/p95/p99 per model", () => {
    const traces = latencyPercentileTraces([
      { model: "dqn", requests: 3, errors: 0, errorRate: 0, predictions: 3, mean: 1, p50: 1, p95: 2, p99: 3 },
    ]).map(t);
    expect(traces.map((x) => x.name)).toEqual(["p50", "p95", "p99"]);
    expect(traces.map((x) => x.y[0])).toEqual([1, 2, 3]);
  });

  it("draws one line per training curve", () => {
    const traces = trainingCurveTraces([{ model: "ppo", xLabel: "step", yLabel: "return", points: [{ step: 0, value: 1 }, { step: 10, value: 2 }] }]).map(t);
    expect(traces[0]!.x).toEqual([0, 10]);
    expect(traces[0]!.y).toEqual([1, 2]);
  });

  it("colours training curves with a given policy colour map", () => {
    const traces = trainingCurveTraces([{ model: "ppo", xLabel: "step", yLabel: "return", points: [] }], new Map([["ppo", "#123456"]])).map(t);
    expect(traces[0]!.line.color).toBe("#123456");
  });

  it("gives stable colours and mergeable layouts", () => {
    const m = colorMap(["a", "b"]);
    expect(m.get("a")).not.toBe(m.get("b"));
    expect(baseLayout({ height: 100 }).height).toBe(100);
  });
});
