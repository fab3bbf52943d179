/** Examples shown in the OpenAPI document (Swagger UI's Try-it-out sends them as they are). */
import { generateNetwork } from "../simulation/generator.js";
import type { NetworkState } from "../simulation/types.js";
import * as spec from "../simulation/spec.js";

const round = (v: number) => Math.round(v * 1000) / 1000;

/** A 10-node network from the training distribution (seed 7), rounded for readability. */
export const EXAMPLE_NETWORK: NetworkState = (() => {
  const net = generateNetwork(10, 7);
  return {
    nodes: net.nodes.map((nd) => ({
      cpu_util: round(nd.cpu_util),
      mem_util: round(nd.mem_util),
      energy: round(nd.energy),
      latency: round(nd.latency),
      bandwidth: round(nd.bandwidth),
      queue_len: nd.queue_len,
      node_type: nd.node_type,
    })),
    edges: net.edges,
  };
})();

export const EXAMPLE_TASK = { source: 0, ...spec.DEFAULT_TASK };
