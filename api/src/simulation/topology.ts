/**
 * The static part of one network during an episode: its links, adjacency, hop weights and the
 * route tree of every task source, computed once per source and shared by every policy and every
 * planner rollout (routes never change: docs/environment.md, "Links and routes").
 */
import { hopWeights, linkGraph, linkTable, routeTree, type LinkGraph, type LinkTable, type Routes } from "./routing.js";
import type { NetworkState } from "./types.js";

export class Topology {
  readonly n: number;
  readonly links: LinkTable;
  private readonly graph: LinkGraph;
  private readonly weights: Float64Array;
  private readonly cache = new Map<number, Routes>();

  constructor(readonly net: NetworkState) {
    this.n = net.nodes.length;
    this.links = linkTable(net);
    this.graph = linkGraph(this.n, this.links);
    this.weights = hopWeights(this.links);
  }

  /** Links and the route tree from `source` (memoised). */
  routes(source: number): Routes {
    let r = this.cache.get(source);
    if (!r) {
      r = { links: this.links, tree: routeTree(this.n, this.links, source, this.graph, this.weights) };
      this.cache.set(source, r);
    }
    return r;
  }
}
