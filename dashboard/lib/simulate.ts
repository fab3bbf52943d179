// Shaping of POST /simulate's answer (SimulateResponse, typed by the API's routes) for the
// Simulate page: the request from the form, the replay's network at a step, and the charts.
// Everything is read from the answer's summaries and trace; nothing is re-simulated here.
import type { Data } from "plotly.js";
import { policyStyles, type PolicyRef, type PolicyStyle } from "./evaluation";
import { edgeEnds } from "./topology";
import type { BaselineName, NetworkState, SimulateRequest, SimulateResponse } from "./types";

/**
 * The heuristic baselines POST /simulate runs, in the API's order; the `satisfies` and the check
 * below make tsc fail when the API's list (the keys of /compare's `baselines`) changes.
 */
export const HEURISTICS = ["random", "round_robin", "least_loaded", "nearest", "greedy", "greedy_static", "jsed", "power_of_two"] as const satisfies readonly BaselineName[];
const everyHeuristicListed: Exclude<BaselineName, (typeof HEURISTICS)[number]> extends never ? true : false = true;
void everyHeuristicListed;
/** The sampled look-ahead planner: the reference a normalised score of 1 stands for. */
export const PLANNER = "planner";

export interface SimulationForm {
  network: { kind: "generated"; num_nodes: number; network_seed: number } | { kind: "given"; network_state: NetworkState };
  load: number;
  bursts: boolean;
  tasks: number;
  seed: number;
  policies: string[];
}

/** The request body for a form, in the API's field names and order. */
export function simulationRequest(f: SimulationForm): SimulateRequest {
  const network = f.network.kind === "generated" ? { num_nodes: f.network.num_nodes, network_seed: f.network.network_seed } : { network_state: f.network.network_state };
  return { ...network, load: f.load, bursts: f.bursts, tasks: f.tasks, seed: f.seed, policies: f.policies };
}

/** The answer's policies with their kind, in the answer's order (the request's). */
export function simulatedPolicies(answer: Pick<SimulateResponse, "summaries">): PolicyRef[] {
  return answer.summaries.map((s) => ({ policy: s.policy, kind: s.kind }));
}

/** A colour, dash and marker per policy: the evaluation charts' styles, so a policy looks the same everywhere. */
export function simulationStyles(answer: Pick<SimulateResponse, "summaries">): Map<string, PolicyStyle> {
  return policyStyles(simulatedPolicies(answer));
}

/** Running sum. */
export function cumulative(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v));
}

/** Whether each task finished by its deadline under a policy (dropped tasks did not). */
export function deadlinesMet(answer: Pick<SimulateResponse, "trace">, policy: string): boolean[] {
  const { latency_ms } = answer.trace.policies[policy]!;
  const deadlines = answer.trace.tasks.deadline_ms;
  return latency_ms.map((l, i) => l !== null && l <= deadlines[i]!);
}

/** Share of true values over the trailing `window` entries; null until a full window has passed. */
export function movingRate(values: readonly boolean[], window: number): (number | null)[] {
  let inWindow = 0;
  return values.map((v, i) => {
    inWindow += v ? 1 : 0;
    if (i >= window) inWindow -= values[i - window] ? 1 : 0;
    return i >= window - 1 ? inWindow / window : null;
  });
}

const line = (policy: string, style: PolicyStyle, x: number[], y: (number | null)[], hover: string): Data =>
  ({
    type: "scatter",
    mode: "lines",
    name: policy,
    legendgroup: policy,
    x,
    y,
    line: { color: style.color, dash: style.dash, width: style.width },
    hovertemplate: `<b>${policy}</b> · task %{x}<br>${hover}<extra></extra>`,
  }) as Data;

/** Cumulative reward per policy over the episode's tasks, one line each. */
export function cumulativeRewardTraces(answer: Pick<SimulateResponse, "summaries" | "trace">): Data[] {
  const styles = simulationStyles(answer);
  const x = answer.trace.tasks.source.map((_, i) => i + 1);
  return answer.summaries.map((s) => line(s.policy, styles.get(s.policy)!, x, cumulative(answer.trace.policies[s.policy]!.reward), "return %{y:.1f}"));
}

/** Deadline-met rate over the last `window` tasks, per policy. */
export function movingDeadlineTraces(answer: Pick<SimulateResponse, "summaries" | "trace">, window: number): Data[] {
  const styles = simulationStyles(answer);
  const x = answer.trace.tasks.source.map((_, i) => i + 1);
  return answer.summaries.map((s) => line(s.policy, styles.get(s.policy)!, x, movingRate(deadlinesMet(answer, s.policy), window), `met %{y:.0%} of the last ${window}`));
}

/** Indices of the `k` columns with the largest mean over the rows ([sample][column]), largest first. */
export function busiest(matrix: readonly (readonly number[])[], k: number): number[] {
  const cols = matrix[0]?.length ?? 0;
  const mean = Array.from({ length: cols }, (_, j) => matrix.reduce((a, row) => a + row[j]!, 0) / Math.max(1, matrix.length));
  return mean
    .map((m, j) => ({ m, j }))
    .filter((e) => e.m > 0)
    .sort((a, b) => b.m - a.m || a.j - b.j)
    .slice(0, k)
    .map((e) => e.j);
}

/** Node compute backlog (`what` = "nodes") or link backlog ("links") over the episode for the busiest `k` under one policy. */
export function backlogTraces(answer: Pick<SimulateResponse, "trace" | "network_state">, policy: string, what: "nodes" | "links", k: number): Data[] {
  const t = answer.trace.policies[policy]!;
  const matrix = what === "nodes" ? t.backlog_ms : t.link_backlog_ms;
  const x = answer.trace.sample_steps.map((s) => s + 1);
  return busiest(matrix, k).map(
    (j) =>
      ({
        type: "scatter",
        mode: "lines",
        name: what === "nodes" ? `node ${j}` : `link ${edgeEnds(answer.network_state.edges[j]!).join("–")}`,
        x,
        y: matrix.map((row) => row[j]!),
        line: { width: 1.5 },
        hovertemplate: `%{fullData.name} · task %{x}<br>backlog %{y:.0f} ms<extra></extra>`,
      }) as Data,
  );
}

/** Index of the backlog sample taken at or before task `step` (samples are every `trace.every` tasks from task 0). */
export function sampleAt(trace: Pick<SimulateResponse["trace"], "sample_steps">, step: number): number {
  let i = 0;
  while (i + 1 < trace.sample_steps.length && trace.sample_steps[i + 1]! <= step) i++;
  return i;
}

/**
 * The network as a policy left it when task `step` arrived (the nearest backlog sample at or
 * before it): each node's compute backlog and each link's backlog, links as objects in the
 * answer's edge order.
 */
export function replayNetwork(answer: Pick<SimulateResponse, "trace" | "network_state">, policy: string, step: number): NetworkState {
  const t = answer.trace.policies[policy]!;
  const i = sampleAt(answer.trace, step);
  const nodes = t.backlog_ms[i]!;
  const links = t.link_backlog_ms[i]!;
  return {
    nodes: answer.network_state.nodes.map((n, j) => ({ ...n, backlog_ms: nodes[j]! })),
    edges: answer.network_state.edges.map((e, j) => {
      const [source, target] = edgeEnds(e);
      const capacity = Array.isArray(e) ? {} : e.capacity_mbps !== undefined ? { capacity_mbps: e.capacity_mbps } : {};
      return { source, target, ...capacity, backlog_ms: links[j]! };
    }),
  };
}

/** What happened to task `step` under a policy. */
export function taskAt(answer: Pick<SimulateResponse, "trace">, policy: string, step: number) {
  const { tasks, policies } = answer.trace;
  const p = policies[policy]!;
  const latency = p.latency_ms[step] ?? null;
  return {
    source: tasks.source[step]!,
    node: p.node[step]!,
    reward: p.reward[step]!,
    latency_ms: latency,
    deadline_ms: tasks.deadline_ms[step]!,
    met: latency !== null && latency <= tasks.deadline_ms[step]!,
    burst: tasks.burst[step] === 1,
    time_ms: tasks.time_ms[step]!,
  };
}
