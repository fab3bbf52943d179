/**
 * Environment dynamics for one network: a mirror of models/edgesim/simulator.py `build` (initial
 * state), `commit` and `advance`, and of the greedy warm-up of episodes.EdgeSim. /networks/generate
 * uses it to return networks in the middle of an episode (node and link queues, drained energy).
 */
import { arrivalStream, type Arrival } from "./arrivals.js";
import { greedy } from "./heuristics.js";
import { initialBacklog, outcome, type Outcome, type SimState } from "./outcome.js";
import { hopWeights, linkGraph, linkTable, routeTree, type LinkGraph, type LinkTable, type Routes } from "./routing.js";
import { edgeEnds, type EdgeState, type NetworkState, type NodeState, type Task } from "./types.js";

/** simulator.build's initial state: the request's backlogs (queue_len default) and energy. */
export function initialState(net: NetworkState, links: LinkTable = linkTable(net)): SimState {
  const n = net.nodes.length;
  const backlog = new Float64Array(n);
  const energy = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    backlog[i] = initialBacklog(net.nodes[i]!);
    energy[i] = net.nodes[i]!.energy;
  }
  return { backlog, linkBacklog: links.backlog.slice(), energy };
}

/** Time passes by `gap` ms: every queue drains (simulator.advance). */
export function advance(state: SimState, gap: number): void {
  const { backlog, linkBacklog } = state;
  for (let i = 0; i < backlog.length; i++) backlog[i] = Math.max(backlog[i]! - gap, 0.0);
  for (let k = 0; k < linkBacklog.length; k++) linkBacklog[k] = Math.max(linkBacklog[k]! - gap, 0.0);
}

/**
 * Place the task on `action` if it is valid there (simulator.commit): its data occupies every link
 * of its route, the node's queue runs until the task finishes, the node pays the compute energy and
 * the source the radio energy. Returns whether the task was placed (else it is dropped).
 * `out` must be outcome(net, task, {state}) for this state.
 */
export function commit(state: SimState, task: Task, action: number, out: Outcome): boolean {
  if (action < 0 || action >= out.n || !out.valid[action]) return false;
  let cur = action;
  for (let lk = out.link[cur]!; lk >= 0; lk = out.link[cur]!) {
    const par = out.parent[cur]!;
    state.linkBacklog[lk] = Math.max(out.arrive[par]!, state.linkBacklog[lk]!) + out.xfer[cur]!;
    cur = par;
  }
  state.backlog[action] = out.finish[action]!;
  state.energy[action] = state.energy[action]! - out.computeJ[action]!;
  state.energy[task.source] = state.energy[task.source]! - out.radioJ[action]!;
  return true;
}

/** One network's environment: static links and routes, mutable state. */
export class Episode {
  readonly n: number;
  readonly links: LinkTable;
  readonly state: SimState;
  private readonly graph: LinkGraph;
  private readonly weights: Float64Array;

  constructor(readonly net: NetworkState) {
    this.n = net.nodes.length;
    this.links = linkTable(net);
    this.graph = linkGraph(this.n, this.links);
    this.weights = hopWeights(this.links);
    this.state = initialState(net, this.links);
  }

  routes(source: number): Routes {
    return { links: this.links, tree: routeTree(this.n, this.links, source, this.graph, this.weights) };
  }

  outcome(task: Task): Outcome {
    return outcome(this.net, task, { routes: this.routes(task.source), state: this.state });
  }

  advance(gap: number): void {
    advance(this.state, gap);
  }

  commit(task: Task, action: number, out: Outcome): boolean {
    return commit(this.state, task, action, out);
  }

  /** The network as a request describes it now: nodes with backlog_ms and energy, edges as objects with backlog_ms. */
  snapshot(): NetworkState {
    const { backlog, energy, linkBacklog } = this.state;
    const nodes: NodeState[] = this.net.nodes.map((nd, i) => ({
      cpu_util: nd.cpu_util,
      mem_util: nd.mem_util,
      energy: energy[i]!,
      latency: nd.latency,
      bandwidth: nd.bandwidth,
      node_type: nd.node_type,
      backlog_ms: backlog[i]!,
    }));
    const edges: EdgeState[] = this.net.edges.map((e, k) => {
      const [source, target] = edgeEnds(e);
      const cap = "source" in e ? e.capacity_mbps : undefined;
      return { source, target, ...(cap != null ? { capacity_mbps: cap } : {}), backlog_ms: linkBacklog[k]! };
    });
    return { nodes, edges };
  }
}

export interface WarmupResult {
  episode: Episode;
  /** the arrival at which the warm-up stops: the next task to place */
  next: Arrival;
  /** tasks placed by greedy (the rest were dropped: no valid node) */
  placed: number;
  dropped: number;
  deadlineMet: number;
  /** simulated time from the start to the next arrival, ms */
  elapsedMs: number;
  /** greedy's node for each warm-up task (-1 = dropped) */
  actions: Int32Array;
}

/**
 * The greedy warm-up of episodes.EdgeSim.reset: `tasks` arrivals of arrivalStream(net, load, seed)
 * placed by greedy (the exact one-step optimum), then time advances to the next arrival. The
 * returned episode's state is the decision point that arrival meets.
 */
export function greedyWarmup(net: NetworkState, load: number, seed: number, tasks: number): WarmupResult {
  const steps = greedyWarmupSteps(net, load, seed, tasks, Infinity);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

/**
 * greedyWarmup in slices: pauses (yields) after every `slice` tasks, so a server can let other
 * requests run between slices of a long warm-up.
 */
export function* greedyWarmupSteps(net: NetworkState, load: number, seed: number, tasks: number, slice: number): Generator<void, WarmupResult> {
  const stream = arrivalStream(net, load, seed, tasks + 1);
  const episode = new Episode(net);
  const actions = new Int32Array(tasks);
  let placed = 0;
  let deadlineMet = 0;
  let elapsedMs = 0;
  for (let t = 0; t < tasks; t++) {
    if (t > 0 && t % slice === 0) yield;
    const task = stream[t]!;
    episode.advance(task.gap_ms);
    elapsedMs += task.gap_ms;
    const out = episode.outcome(task);
    const action = greedy({ net, task, out, step: t, seed });
    if (episode.commit(task, action, out)) {
      placed++;
      if (out.deadlineMet[action]) deadlineMet++;
      actions[t] = action;
    } else {
      actions[t] = -1;
    }
  }
  const next = stream[tasks]!;
  episode.advance(next.gap_ms);
  elapsedMs += next.gap_ms;
  return { episode, next, placed, dropped: tasks - placed, deadlineMet, elapsedMs, actions };
}
