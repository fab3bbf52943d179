import type { AblationRow, EvalReport, EvalRow, NetworkState } from "../lib/types";

const node = (node_type: number, cpu_util = 0.3, mem_util = 0.2) => ({
  cpu_util,
  mem_util,
  energy: 100,
  latency: 5,
  bandwidth: 50,
  queue_len: 2,
  node_type,
});

/** 1 cloud (0), 2 fog (1, 2), 4 sensors (3..6): sensors 3,4 on fog 1; 5,6 on fog 2. Idle, as generated. */
export const smallNetwork: NetworkState = {
  nodes: [node(2, 0.6, 0.5), node(1, 0.9, 0.1), node(1, 0.1, 0.1), node(0), node(0), node(0), node(0)],
  edges: [
    [0, 1],
    [0, 2],
    [1, 2],
    [6, 2],
    [3, 1],
    [5, 2],
    [4, 1],
  ],
};

/** The same topology mid-episode: nodes carry backlog_ms, edges are objects with link state. */
export const congestedNetwork: NetworkState = {
  nodes: smallNetwork.nodes.map(({ queue_len: _q, ...n }, i) => ({ ...n, backlog_ms: i * 100 })),
  edges: [
    { source: 0, target: 1, backlog_ms: 0 },
    { source: 0, target: 2, backlog_ms: 250 },
    [1, 2],
    { source: 2, target: 6, backlog_ms: 4000, capacity_mbps: 20 },
    { source: 1, target: 3 },
    { source: 2, target: 5, backlog_ms: 10 },
    { source: 1, target: 4, backlog_ms: 0 },
  ],
};

export const SIZES = [20, 50, 200, 1000];
export const LOADS = [0.4, 0.7, 0.9];

/** An evaluation row; diff is [mean, lo, hi] against greedy. */
export function evalRow(policy: string, kind: "learned" | "baseline", num_nodes: number, load: number, diff: [number, number, number], extra: Partial<EvalRow> = {}): EvalRow {
  return {
    policy,
    kind,
    num_nodes,
    load,
    episodes: 32,
    mean_return: -300 + diff[0],
    std_return: 40,
    diff_vs_greedy: diff,
    normalized_score: null,
    deadline_met_rate: 0.5,
    mean_latency_ms: 400 + num_nodes / 10,
    decision_ms: 0.2,
    ...extra,
  };
}

/**
 * A report in the v2 shape over the full grid: four learned policies, greedy (0 by definition), the
 * planner (8 episodes at 200 and 1000 nodes), greedy_static, jsed and random.
 */
export function evalReport(): EvalReport {
  const results: EvalRow[] = [];
  for (const n of SIZES) {
    for (const load of LOADS) {
      const k = n * load;
      results.push(evalRow("dqn", "learned", n, load, [-10, -20, 0.5]));
      results.push(evalRow("ppo", "learned", n, load, [-40, -60, -20]));
      results.push(evalRow("hybrid", "learned", n, load, [20 + load * 10, 10, 30 + load * 20], { normalized_score: 0.5 }));
      results.push(evalRow("hybrid_gat", "learned", n, load, [15, 5, 25], { normalized_score: 0.4 }));
      results.push(evalRow("greedy", "baseline", n, load, [0, 0, 0], { normalized_score: 0 }));
      results.push(evalRow("planner", "baseline", n, load, [40, 30, 50], { normalized_score: 1, episodes: n >= 200 ? 8 : 32, decision_ms: 50 + k }));
      results.push(evalRow("greedy_static", "baseline", n, load, [-5, -9, -1]));
      results.push(evalRow("jsed", "baseline", n, load, [-2, -6, 2]));
      results.push(evalRow("random", "baseline", n, load, [-900, -1000, -800], { mean_latency_ms: null }));
    }
  }
  const ablations: AblationRow[] = [
    { policy: "hybrid", variant: "no_link_state", num_nodes: 50, load: 0.9, mean_return: -280, diff_vs_greedy: [13.5, 4, 23] },
    { policy: "hybrid", variant: "no_graph", num_nodes: 50, load: 0.9, mean_return: -300, diff_vs_greedy: [-2.7, -12, 6] },
  ];
  return { seed: 777, episodes: 32, tasks_per_episode: 200, results, ablations };
}
