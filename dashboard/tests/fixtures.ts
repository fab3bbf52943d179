import type { NetworkState } from "../lib/types";

const node = (node_type: number, cpu_util = 0.3, mem_util = 0.2) => ({
  cpu_util,
  mem_util,
  energy: 100,
  latency: 5,
  bandwidth: 50,
  queue_len: 2,
  node_type,
});

/** 1 cloud (0), 2 fog (1, 2), 4 sensors (3..6): sensors 3,4 on fog 1; 5,6 on fog 2. */
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
