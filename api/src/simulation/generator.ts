/**
 * Seeded three-tier IoT network generator: a draw-for-draw mirror of models/edgesim/generator.py,
 * so the same (num_nodes, seed) gives the identical network in Python and TypeScript.
 */
import { Mulberry32 } from "./prng.js";
import * as spec from "./spec.js";
import type { GeneratedNetwork, GeneratedNode } from "./types.js";

export const MIN_NODES = spec.MIN_NODES;
export const MAX_NODES = spec.MAX_GENERATED_NODES;

/** (sensors, fog, cloud) for a network of numNodes nodes. */
export function tierCounts(numNodes: number): [number, number, number] {
  if (!Number.isInteger(numNodes) || numNodes < MIN_NODES || numNodes > MAX_NODES) {
    throw new RangeError(`num_nodes must be in [${MIN_NODES}, ${MAX_NODES}], got ${numNodes}`);
  }
  const nCloud = numNodes < 100 ? 1 : Math.floor(numNodes / 100);
  const nFog = Math.max(1, Math.floor((numNodes + 2) / 5));
  return [numNodes - nFog - nCloud, nFog, nCloud];
}

type Point = readonly [number, number];

/** Index of the point nearest to origin (squared distance; ties go to the lower index). */
function nearest(points: readonly Point[], origin: Point, exclude: readonly number[] = []): number {
  let best = -1;
  let bestD = 0.0;
  for (let i = 0; i < points.length; i++) {
    if (exclude.includes(i)) continue;
    const p = points[i]!;
    const dx = p[0] - origin[0];
    const dy = p[1] - origin[1];
    const d = dx * dx + dy * dy;
    if (best < 0 || d < bestD) {
      best = i;
      bestD = d;
    }
  }
  return best;
}

const GENERATED_FIELDS = ["cpu_util", "mem_util", "energy", "latency", "bandwidth"] as const;

/** A network {nodes, edges} in the API's format. Node order: sensors, then fog, then cloud. */
export function generateNetwork(numNodes: number, seed: number): GeneratedNetwork {
  const rng = new Mulberry32(seed);
  const [nSensor, nFog, nCloud] = tierCounts(numNodes);
  const fog0 = nSensor;
  const cloud0 = nSensor + nFog;
  const nodeTypes: spec.NodeType[] = [];
  for (let i = 0; i < nSensor; i++) nodeTypes.push(spec.SENSOR);
  for (let i = 0; i < nFog; i++) nodeTypes.push(spec.FOG);
  for (let i = 0; i < nCloud; i++) nodeTypes.push(spec.CLOUD);

  const fogPos: Point[] = [];
  for (let i = 0; i < nFog; i++) {
    const x = rng.next() * spec.AREA_KM;
    const y = rng.next() * spec.AREA_KM;
    fogPos.push([x, y]);
  }
  const sensorPos: Point[] = [];
  for (let i = 0; i < nSensor; i++) {
    const x = rng.next() * spec.AREA_KM;
    const y = rng.next() * spec.AREA_KM;
    sensorPos.push([x, y]);
  }

  const nodes: GeneratedNode[] = [];
  for (const t of nodeTypes) {
    const r = spec.NODE_RANGES[t];
    const node = {} as GeneratedNode;
    for (const field of GENERATED_FIELDS) {
      const [lo, hi] = r[field];
      node[field] = lo + (hi - lo) * rng.next();
    }
    node.queue_len = Math.trunc(rng.next() * spec.QUEUE_SPAN[t]);
    node.node_type = t;
    nodes.push(node);
  }

  // Undirected edge set keyed by min * numNodes + max.
  const edges = new Set<number>();
  const link = (a: number, b: number) => {
    edges.add(Math.min(a, b) * numNodes + Math.max(a, b));
  };

  // Sensors attach to their nearest fog node, some also to the second nearest.
  for (let s = 0; s < nSensor; s++) {
    const p = sensorPos[s]!;
    const first = nearest(fogPos, p);
    link(s, fog0 + first);
    if (nFog >= 2 && rng.next() < spec.SENSOR_SECOND_FOG_P) {
      link(s, fog0 + nearest(fogPos, p, [first]));
    }
  }

  // Fog backbone: a minimum spanning tree (Prim from fog 0) keeps every fog node connected. Each step takes the
  // shortest tree-to-outside link, ties to the lowest tree node, then the lowest outside node; nearD/nearI keep
  // each outside node's shortest link into the tree (O(n^2) in all).
  const inTree: boolean[] = new Array<boolean>(nFog).fill(false);
  const nearD = new Float64Array(nFog);
  const nearI = new Int32Array(nFog).fill(-1);
  const join = (k: number) => {
    inTree[k] = true;
    const [kx, ky] = fogPos[k]!;
    for (let j = 0; j < nFog; j++) {
      if (inTree[j]) continue;
      const dx = kx - fogPos[j]![0];
      const dy = ky - fogPos[j]![1];
      const d = dx * dx + dy * dy;
      if (nearI[j]! < 0 || d < nearD[j]! || (d === nearD[j]! && k < nearI[j]!)) {
        nearD[j] = d;
        nearI[j] = k;
      }
    }
  };
  if (nFog > 0) join(0);
  for (let step = 0; step < nFog - 1; step++) {
    let best = -1;
    for (let j = 0; j < nFog; j++) {
      if (inTree[j]) continue;
      if (best < 0 || nearD[j]! < nearD[best]! || (nearD[j] === nearD[best] && nearI[j]! < nearI[best]!)) best = j;
    }
    link(fog0 + nearI[best]!, fog0 + best);
    join(best);
  }

  // Redundant fog links: some fog nodes also reach their second-nearest fog neighbour.
  for (let i = 0; i < nFog; i++) {
    if (nFog >= 3 && rng.next() < spec.FOG_SECOND_NEIGHBOUR_P) {
      const first = nearest(fogPos, fogPos[i]!, [i]);
      link(fog0 + i, fog0 + nearest(fogPos, fogPos[i]!, [i, first]));
    }
  }

  // Fog reaches the cloud: fog j may uplink to cloud j % nCloud; the first fog nodes always do.
  for (let j = 0; j < nFog; j++) {
    if (j < nCloud || rng.next() < spec.FOG_CLOUD_P) {
      link(fog0 + j, cloud0 + (j % nCloud));
    }
  }

  const sorted = [...edges].sort((a, b) => a - b);
  return {
    nodes,
    edges: sorted.map((k) => [Math.floor(k / numNodes), k % numNodes] as [number, number]),
  };
}
