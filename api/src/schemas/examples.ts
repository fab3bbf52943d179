/** Examples shown in the OpenAPI document (Swagger UI's Try-it-out sends them as they are). */
import { greedyWarmup } from "../simulation/dynamics.js";
import { generateNetwork } from "../simulation/generator.js";
import type { EdgeState, NetworkState, NodeState } from "../simulation/types.js";

const round = (v: number) => Math.round(v * 1000) / 1000;
const SEED = 7;

/**
 * A 10-node network from the training distribution (seed 7) in the middle of an episode (the greedy
 * warm-up at load 0.7, as POST /networks/generate {num_nodes: 10, seed: 7, load: 0.7} returns it), rounded.
 */
const warm = greedyWarmup(generateNetwork(10, SEED), 0.7, SEED, 50);

export const EXAMPLE_NETWORK: NetworkState = (() => {
  const net = warm.episode.snapshot();
  return {
    nodes: net.nodes.map(
      (nd): NodeState => ({
        cpu_util: round(nd.cpu_util),
        mem_util: round(nd.mem_util),
        energy: round(nd.energy),
        latency: round(nd.latency),
        bandwidth: round(nd.bandwidth),
        node_type: nd.node_type,
        backlog_ms: round(nd.backlog_ms ?? 0),
      }),
    ),
    edges: net.edges.map((e) => {
      const o = e as EdgeState;
      return { source: o.source, target: o.target, backlog_ms: round(o.backlog_ms ?? 0) };
    }),
  };
})();

export const EXAMPLE_TASK = {
  source: warm.next.source,
  cpu_mcycles: round(warm.next.cpu_mcycles),
  mem_mb: round(warm.next.mem_mb),
  data_kb: round(warm.next.data_kb),
  deadline_ms: round(warm.next.deadline_ms),
};

export const EXAMPLE_LOAD = round(warm.next.load);
