import { describe, expect, it } from "vitest";
import {
  backlogTraces,
  busiest,
  cumulative,
  cumulativeRewardTraces,
  deadlinesMet,
  movingDeadlineTraces,
  movingRate,
  replayNetwork,
  sampleAt,
  simulationRequest,
  taskAt,
} from "../lib/simulate";
import type { PolicySummary, SimulateResponse } from "../lib/types";

const t = (d: unknown) => d as Record<string, any>;
const node = (type: number) => ({ cpu_util: 0.2, mem_util: 0.3, energy: 100, latency: 5, bandwidth: 50, node_type: type });
const summary = (policy: string, kind: "learned" | "baseline", ret: number): PolicySummary => ({
  policy,
  kind,
  model_version: kind === "learned" ? "1" : null,
  tasks: 4,
  return: ret,
  deadline_met_rate: 0.5,
  mean_latency_ms: 100,
  p95_latency_ms: 200,
  energy_j: 1,
  dropped: 0,
  normalized_score: null,
});

// 3 nodes, 2 links, 4 tasks, backlogs sampled every 2 tasks: the shape of POST /simulate's answer.
const answer: SimulateResponse = {
  summaries: [summary("hybrid", "learned", -1), summary("greedy", "baseline", -2)],
  trace: {
    steps: 4,
    every: 2,
    sample_steps: [0, 2],
    tasks: {
      time_ms: [0, 10, 25, 30],
      gap_ms: [0, 10, 15, 5],
      source: [0, 0, 1, 0],
      cpu_mcycles: [100, 100, 100, 100],
      mem_mb: [10, 10, 10, 10],
      data_kb: [50, 50, 50, 50],
      deadline_ms: [100, 100, 50, 100],
      burst: [0, 1, 1, 0],
    },
    policies: {
      hybrid: {
        node: [2, 2, 2, -1],
        reward: [-0.1, -0.2, -0.3, -0.4],
        latency_ms: [90, 100, 60, null],
        backlog_ms: [
          [0, 0, 40],
          [0, 10, 80],
        ],
        link_backlog_ms: [
          [5, 0],
          [7, 0],
        ],
      },
      greedy: {
        node: [1, 1, 1, 1],
        reward: [-0.5, -0.5, -0.5, -0.5],
        latency_ms: [50, 101, 40, 80],
        backlog_ms: [
          [0, 30, 0],
          [0, 90, 0],
        ],
        link_backlog_ms: [
          [0, 3],
          [0, 6],
        ],
      },
    },
  },
  network_state: { nodes: [node(0), node(1), node(2)], edges: [[0, 1], { source: 1, target: 2, capacity_mbps: 20 }] },
  num_nodes: 3,
  network_seed: 1,
  load: 0.7,
  bursts: true,
  tasks: 4,
  seed: 7,
  warmup_tasks: 50,
  trace_every: 2,
};

describe("simulation request", () => {
  it("sends a generated network as num_nodes + network_seed, a given one as network_state", () => {
    const base = { load: 0.7, bursts: true, tasks: 1000, seed: 7, policies: ["hybrid", "greedy", "planner"] };
    expect(simulationRequest({ ...base, network: { kind: "generated", num_nodes: 50, network_seed: 1 } })).toEqual({
      num_nodes: 50,
      network_seed: 1,
      ...base,
    });
    const network_state = answer.network_state;
    expect(simulationRequest({ ...base, network: { kind: "given", network_state } })).toEqual({ network_state, ...base });
  });
});

describe("simulation charts", () => {
  it("sums rewards as the episode goes", () => {
    expect(cumulative([1, -2, 3])).toEqual([1, -1, 2]);
    const [hybrid, greedy] = cumulativeRewardTraces(answer).map(t);
    expect(hybrid!.name).toBe("hybrid");
    expect(hybrid!.x).toEqual([1, 2, 3, 4]);
    expect(hybrid!.y.map((v: number) => +v.toFixed(6))).toEqual([-0.1, -0.3, -0.6, -1]);
    expect(greedy!.y).toEqual([-0.5, -1, -1.5, -2]);
    // learned and baseline lines look different
    expect(hybrid!.line.color).not.toBe(greedy!.line.color);
  });

  it("counts a deadline as met only for a placed task that finished by it", () => {
    expect(deadlinesMet(answer, "hybrid")).toEqual([true, true, false, false]);
    expect(deadlinesMet(answer, "greedy")).toEqual([true, false, true, true]);
  });

  it("averages over a trailing window, starting once the window is full", () => {
    expect(movingRate([true, false, true, true], 2)).toEqual([null, 0.5, 0.5, 1]);
    expect(movingRate([true, true], 3)).toEqual([null, null]);
    expect(t(movingDeadlineTraces(answer, 2)[1]).y).toEqual([null, 0.5, 0.5, 1]);
  });

  it("picks the busiest nodes and links by mean backlog and draws them over the samples", () => {
    expect(busiest([[0, 30, 5], [0, 90, 10]], 2)).toEqual([1, 2]);
    expect(busiest([[0, 0]], 3)).toEqual([]);
    const nodes = backlogTraces(answer, "hybrid", "nodes", 5).map(t);
    expect(nodes.map((d) => d.name)).toEqual(["node 2", "node 1"]);
    expect(nodes[0]!.x).toEqual([1, 3]);
    expect(nodes[0]!.y).toEqual([40, 80]);
    const links = backlogTraces(answer, "greedy", "links", 5).map(t);
    expect(links.map((d) => d.name)).toEqual(["link 1–2"]);
    expect(links[0]!.y).toEqual([3, 6]);
  });
});

describe("replay", () => {
  it("uses the backlog sample at or before a step", () => {
    expect([0, 1, 2, 3].map((s) => sampleAt(answer.trace, s))).toEqual([0, 0, 1, 1]);
  });

  it("rebuilds the network as the policy left it: node and link backlogs, links as objects in order", () => {
    const net = replayNetwork(answer, "hybrid", 3);
    expect(net.nodes.map((n) => n.backlog_ms)).toEqual([0, 10, 80]);
    expect(net.nodes[2]).toMatchObject(node(2));
    expect(net.edges).toEqual([
      { source: 0, target: 1, backlog_ms: 7 },
      { source: 1, target: 2, capacity_mbps: 20, backlog_ms: 0 },
    ]);
    expect(replayNetwork(answer, "greedy", 0).edges.map((e) => (e as { backlog_ms: number }).backlog_ms)).toEqual([0, 3]);
  });

  it("reads a task's source, the chosen node and its outcome", () => {
    expect(taskAt(answer, "hybrid", 2)).toEqual({ source: 1, node: 2, reward: -0.3, latency_ms: 60, deadline_ms: 50, met: false, burst: true, time_ms: 25 });
    expect(taskAt(answer, "hybrid", 3)).toMatchObject({ node: -1, latency_ms: null, met: false });
  });
});
