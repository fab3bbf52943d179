import { describe, expect, it } from "vitest";
import {
  baseLayout,
  colorMap,
  latencyPercentileTraces,
  latencyQueueTraces,
  queueMeasure,
  resourceBarTraces,
  scoreBarTraces,
  trainingCurveFigure,
} from "../lib/charts";
import { congestedNetwork, smallNetwork } from "./fixtures";

// plotly's Data union makes property access awkward in tests.
const t = (d: unknown) => d as Record<string, any>;

describe("node charts", () => {
  it("turns utilisation into percent and outlines the selected node", () => {
    const [cpu, mem] = resourceBarTraces(smallNetwork, 1).map(t);
    expect(cpu!.y[1]).toBeCloseTo(90);
    expect(mem!.y[0]).toBeCloseTo(50);
    expect(cpu!.marker.line.width).toEqual([0, 2.5, 0, 0, 0, 0, 0]);
  });

  it("puts queue length on the second axis for an idle network", () => {
    expect(queueMeasure(smallNetwork)).toBe("queue_len");
    const [lat, queue] = latencyQueueTraces(smallNetwork).map(t);
    expect(lat!.y).toEqual(smallNetwork.nodes.map((n) => n.latency));
    expect(queue!.yaxis).toBe("y2");
    expect(queue!.name).toBe("Queue length");
    expect(queue!.y).toEqual([2, 2, 2, 2, 2, 2, 2]);
  });

  it("shows the compute backlog in ms for a mid-episode network", () => {
    expect(queueMeasure(congestedNetwork)).toBe("backlog_ms");
    const [, queue] = latencyQueueTraces(congestedNetwork).map(t);
    expect(queue!.name).toBe("Backlog (ms)");
    expect(queue!.y).toEqual([0, 100, 200, 300, 400, 500, 600]);
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

  it("draws each training curve in its own panel with the policy's colour, dash and marker, on a shared y axis", () => {
    const curve = (model: string) => ({ model, xLabel: "step", yLabel: "episode_return", points: [{ step: 0, value: 1 }, { step: 10, value: 2 }] });
    const styles = new Map([["ppo", { color: "#123456", dash: "dot", symbol: "square" }]]);
    const fig = trainingCurveFigure([curve("dqn"), curve("ppo"), curve("hybrid")], styles);
    const traces = fig.data.map(t);
    expect(traces.map((x) => [x.name, x.xaxis, x.yaxis])).toEqual([
      ["dqn", "x", "y"],
      ["ppo", "x2", "y2"],
      ["hybrid", "x3", "y3"],
    ]);
    expect(traces[1]!.line).toMatchObject({ color: "#123456", dash: "dot" });
    expect(traces[1]!.marker.symbol).toBe("square");
    expect(traces[0]!.x).toEqual([0, 10]);
    const layout = fig.layout as Record<string, any>;
    expect(layout.grid).toMatchObject({ rows: 2, columns: 2 });
    expect(layout.yaxis2.matches).toBe("y");
    expect(layout.annotations.map((a: { text: string }) => a.text)).toEqual(["<b>dqn</b>", "<b>ppo</b>", "<b>hybrid</b>"]);
  });

  it("gives stable colours and mergeable layouts", () => {
    const m = colorMap(["a", "b"]);
    expect(m.get("a")).not.toBe(m.get("b"));
    expect(baseLayout({ height: 100 }).height).toBe(100);
  });
});
