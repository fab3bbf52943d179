/** Networks for tests: larger than the generator's 1000-node cap, and mid-episode ones. */
import { greedyWarmup } from "../../src/simulation/dynamics.js";
import { generateNetwork } from "../../src/simulation/generator.js";
import * as spec from "../../src/simulation/spec.js";
import type { GeneratedNetwork, NetworkState, Task } from "../../src/simulation/types.js";

/**
 * `parts` generated networks of `size` nodes side by side, joined into one by a few links: the
 * first fog node of each part to the first fog node of the next, and each part's first cloud node
 * to the next part's. 10 x 1000 = a 10,000-node network.
 */
export function joinedNetwork(parts = 10, size = 1000, seed = 1): GeneratedNetwork {
  const nodes: GeneratedNetwork["nodes"] = [];
  const edges: [number, number][] = [];
  const firstOf: { fog: number; cloud: number }[] = [];
  for (let p = 0; p < parts; p++) {
    const net = generateNetwork(size, seed + p);
    const off = nodes.length;
    nodes.push(...net.nodes);
    for (const [s, t] of net.edges) edges.push([s + off, t + off]);
    firstOf.push({
      fog: off + net.nodes.findIndex((nd) => nd.node_type === spec.FOG),
      cloud: off + net.nodes.findIndex((nd) => nd.node_type === spec.CLOUD),
    });
  }
  for (let p = 0; p + 1 < parts; p++) {
    edges.push([firstOf[p]!.fog, firstOf[p + 1]!.fog]);
    edges.push([firstOf[p]!.cloud, firstOf[p + 1]!.cloud]);
  }
  return { nodes, edges };
}

/** A generated network in the middle of an episode (what /networks/generate {num_nodes, seed, load} returns). */
export function midEpisode(n: number, seed: number, load = 0.8, tasks?: number): { network_state: NetworkState; task: Task; load: number } {
  const w = greedyWarmup(generateNetwork(n, seed), load, seed, tasks ?? Math.max(spec.WARMUP_MIN_TASKS, n));
  const { source, cpu_mcycles, mem_mb, data_kb, deadline_ms } = w.next;
  return { network_state: w.episode.snapshot(), task: { source, cpu_mcycles, mem_mb, data_kb, deadline_ms }, load: w.next.load };
}
