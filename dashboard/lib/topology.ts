// Turns a network_state into what cytoscape draws: tier rows (cloud on top, fog in the
// middle, sensors at the bottom), load colours, score labels, and the selected/source marks.
import type { Edge, NetworkState, NodeState } from "./types";

export interface Point {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Horizontal distance between neighbouring nodes in a row. */
  spacing?: number;
  /** Vertical distance between two rows of the same tier. */
  rowGap?: number;
  /** Extra vertical distance between tiers. */
  tierGap?: number;
  /** A tier with more nodes than this wraps onto several rows. */
  maxPerRow?: number;
  /**
   * Height / width of the drawing area. When the rows are wide and flat, the gaps between tiers
   * grow (up to 3x) so the drawing fills the area instead of a thin strip.
   */
  aspect?: number;
}

/** Tier index of a node: 0 sensor, 1 fog, 2 cloud (anything else is drawn with the sensors). */
export function tierOf(node: Pick<NodeState, "node_type">): 0 | 1 | 2 {
  const t = Math.round(node.node_type);
  return t === 1 || t === 2 ? t : 0;
}

/** Load of a node in [0, 1]: the larger of its CPU and memory utilisation. */
export function nodeLoad(node: Pick<NodeState, "cpu_util" | "mem_util">): number {
  const v = Math.max(node.cpu_util, node.mem_util);
  if (!Number.isFinite(v)) return 0;
  return Math.min(1, Math.max(0, v));
}

const LOAD_STOPS: [number, [number, number, number]][] = [
  [0, [22, 163, 74]], // green-600
  [0.5, [234, 179, 8]], // yellow-500
  [0.75, [249, 115, 22]], // orange-500
  [1, [220, 38, 38]], // red-600
];

/** Colour for a load in [0, 1] on a green → yellow → orange → red scale. */
export function loadColor(load: number): string {
  const l = Math.min(1, Math.max(0, Number.isFinite(load) ? load : 0));
  for (let i = 1; i < LOAD_STOPS.length; i++) {
    const [t1, c1] = LOAD_STOPS[i]!;
    const [t0, c0] = LOAD_STOPS[i - 1]!;
    if (l <= t1) {
      const f = t1 === t0 ? 0 : (l - t0) / (t1 - t0);
      const c = c0.map((v, k) => Math.round(v + (c1[k]! - v) * f));
      return `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}`;
    }
  }
  return "#dc2626";
}

/** Endpoints of an edge given as `[s, t]` or `{source, target, ...}`. */
export function edgeEnds(e: Edge): [number, number] {
  return Array.isArray(e) ? [e[0], e[1]] : [(e as { source: number }).source, (e as { target: number }).target];
}

/** A link's state as the request gives it: backlog (ms, 0 when absent) and capacity (null = the default). */
export function edgeState(e: Edge): { backlog_ms: number; capacity_mbps: number | null } {
  if (Array.isArray(e)) return { backlog_ms: 0, capacity_mbps: null };
  const o = e as { backlog_ms?: number; capacity_mbps?: number };
  return { backlog_ms: o.backlog_ms ?? 0, capacity_mbps: o.capacity_mbps ?? null };
}

/** Link backlog at which an edge is drawn at full width and full red. */
export const LINK_BACKLOG_FULL_MS = 1000;

/**
 * How an edge is drawn for its backlog: width 1 (idle) to 6 px and grey → amber → red, on a
 * square-root scale so short queues are already visible; LINK_BACKLOG_FULL_MS and more is full.
 */
export function linkStyle(backlogMs: number): { width: number; color: string } {
  if (!(backlogMs > 0)) return { width: 1, color: "#cbd5e1" };
  const f = Math.sqrt(Math.min(backlogMs, LINK_BACKLOG_FULL_MS) / LINK_BACKLOG_FULL_MS);
  const from = [245, 158, 11]; // amber-500
  const to = [220, 38, 38]; // red-600
  const c = from.map((v, k) => Math.round(v + (to[k]! - v) * f));
  return { width: Math.round((1.5 + 4.5 * f) * 10) / 10, color: `#${c.map((v) => v.toString(16).padStart(2, "0")).join("")}` };
}

/** Node compute backlog at which a node is drawn full red (a colour scale, not a rule of the API). */
export const NODE_BACKLOG_FULL_MS = 5000;

/** Fill of a node by its compute backlog: the load scale, on a square-root scale full at NODE_BACKLOG_FULL_MS. */
export function backlogColor(backlogMs: number): string {
  return loadColor(Math.sqrt(Math.min(Math.max(backlogMs, 0), NODE_BACKLOG_FULL_MS) / NODE_BACKLOG_FULL_MS));
}

/** Neighbour lists; edges naming unknown nodes and self-loops are ignored. */
export function adjacency(numNodes: number, edges: readonly Edge[]): number[][] {
  const adj: Set<number>[] = Array.from({ length: numNodes }, () => new Set<number>());
  for (const e of edges) {
    const [s, t] = edgeEnds(e);
    if (s === undefined || t === undefined) continue;
    if (!Number.isInteger(s) || !Number.isInteger(t)) continue;
    if (s < 0 || t < 0 || s >= numNodes || t >= numNodes || s === t) continue;
    adj[s]!.add(t);
    adj[t]!.add(s);
  }
  return adj.map((set) => [...set].sort((a, b) => a - b));
}

/**
 * Positions for a tiered layout. Cloud nodes form the top row(s), fog the middle, sensors the
 * bottom. Fog keeps index order; cloud and sensor nodes are ordered by the mean position of
 * their fog neighbours (barycentre heuristic), so sensors sit under the fog node they attach to.
 */
export function tierLayout(network: NetworkState, options: LayoutOptions = {}): Point[] {
  const spacing = options.spacing ?? 60;
  const rowGap = options.rowGap ?? 55;
  const tierGap = options.tierGap ?? 110;
  const maxPerRow = Math.max(1, options.maxPerRow ?? 24);
  const n = network.nodes.length;
  const adj = adjacency(n, network.edges);
  const tiers: number[][] = [[], [], []];
  network.nodes.forEach((node, i) => tiers[tierOf(node)]!.push(i));

  // Provisional x (rank within row, centred) for fog nodes, used to order the others.
  const fogRank = new Map<number, number>();
  tiers[1]!.forEach((i, k) => fogRank.set(i, k - (tiers[1]!.length - 1) / 2));

  const barycentre = (i: number): number => {
    const ranks = adj[i]!.filter((j) => fogRank.has(j)).map((j) => fogRank.get(j)!);
    if (ranks.length === 0) return Number.POSITIVE_INFINITY; // unattached nodes go to the end
    return ranks.reduce((a, b) => a + b, 0) / ranks.length;
  };
  const byBarycentre = (ids: number[]): number[] =>
    ids
      .map((i) => ({ i, b: barycentre(i) }))
      .sort((a, b) => a.b - b.b || a.i - b.i)
      .map((o) => o.i);

  const ordered: number[][] = [byBarycentre(tiers[0]!), tiers[1]!, byBarycentre(tiers[2]!)];
  const positions: Point[] = Array.from({ length: n }, () => ({ x: 0, y: 0 }));

  // Rows from the top: cloud (2), fog (1), sensors (0).
  const tierRows: number[][][] = [];
  for (const tier of [2, 1, 0] as const) {
    const ids = ordered[tier]!;
    if (ids.length === 0) continue;
    const rows = Math.ceil(ids.length / maxPerRow);
    // Balance rows: 30 sensors with maxPerRow 24 become 15 + 15, not 24 + 6.
    const perRow = Math.ceil(ids.length / rows);
    tierRows.push(Array.from({ length: rows }, (_, r) => ids.slice(r * perRow, (r + 1) * perRow)));
  }
  const widest = Math.max(1, ...tierRows.flat().map((row) => row.length));
  const width = (widest - 1) * spacing + spacing;
  const rowsHeight = tierRows.reduce((h, rows) => h + (rows.length - 1) * rowGap, 0);
  const gaps = tierRows.length - 1;
  let gap = tierGap;
  if (options.aspect && gaps > 0) {
    const want = width * options.aspect - rowsHeight;
    gap = Math.min(tierGap * 3, Math.max(tierGap, want / gaps));
  }

  let y = 0;
  tierRows.forEach((rows, t) => {
    if (t > 0) y += gap;
    rows.forEach((row, r) => {
      // Stagger alternate rows by half a step so edges to the row above stay visible.
      const offset = rows.length > 1 && r % 2 === 1 ? spacing / 2 : 0;
      row.forEach((id, k) => {
        positions[id] = { x: (k - (row.length - 1) / 2) * spacing + offset, y };
      });
      if (r < rows.length - 1) y += rowGap;
    });
  });
  return positions;
}

/** Scores of masked nodes are very negative; they are shown as "masked", not as a number. */
export function isMaskedScore(score: number | null | undefined): boolean {
  return score == null || !Number.isFinite(score) || score <= -1e8;
}

export function formatScore(score: number | null | undefined): string {
  if (isMaskedScore(score)) return "masked";
  const s = score as number;
  const abs = Math.abs(s);
  if (abs >= 100) return s.toFixed(0);
  if (abs >= 10) return s.toFixed(1);
  return s.toFixed(2);
}

export interface ElementOptions {
  /** Per-node score shown under the label; null = masked. */
  scores?: readonly (number | null)[] | null;
  /** How a score is written in the label (default: formatScore). */
  formatLabel?: (score: number | null) => string;
  selected?: number | null;
  source?: number | null;
  /** greedy's choice (the one-step optimum, after a compare), marked with a green ring. */
  greedy?: number | null;
  /** What a node's fill shows: its load (default) or its compute backlog (the simulation replay). */
  fill?: "load" | "backlog";
  layout?: LayoutOptions;
}

export interface GraphNodeData {
  id: string;
  index: number;
  label: string;
  tier: 0 | 1 | 2;
  load: number;
  color: string;
  score: number | null;
}

export interface GraphEdgeData {
  id: string;
  source: string;
  target: string;
  /** index of the edge in network.edges (the first one, when a link is listed twice) */
  index: number;
  /** link backlog, ms (0 when the edge gives none) */
  backlog: number;
  /** capacity the edge gives, Mbps; null = the default (the smaller bandwidth of its ends) */
  capacity: number | null;
  width: number;
  color: string;
}

export type GraphElement =
  | { group: "nodes"; data: GraphNodeData; position: Point; classes: string }
  | { group: "edges"; data: GraphEdgeData; classes: string };

/** Cytoscape element definitions for a network and (optionally) a prediction on it. */
export function buildElements(network: NetworkState, options: ElementOptions = {}): GraphElement[] {
  const positions = tierLayout(network, options.layout);
  const scores = options.scores ?? null;
  const fmt = options.formatLabel ?? formatScore;
  const selected = options.selected ?? null;
  const source = options.source ?? null;
  const greedy = options.greedy ?? null;
  const elements: GraphElement[] = [];
  network.nodes.forEach((node, i) => {
    const load = nodeLoad(node);
    const tier = tierOf(node);
    const score = scores ? (scores[i] ?? null) : null;
    const classes = [`tier-${tier}`];
    if (i === selected) classes.push("selected-node");
    if (i === source) classes.push("source-node");
    if (i === greedy) classes.push("greedy-node");
    if (scores && isMaskedScore(score)) classes.push("masked");
    const tags: string[] = [];
    if (i === source) tags.push("src");
    if (i === greedy) tags.push("greedy");
    const head = tags.length ? `${i} · ${tags.join(" ")}` : `${i}`;
    const label = scores ? `${head}\n${fmt(score)}` : head;
    elements.push({
      group: "nodes",
      data: { id: `n${i}`, index: i, label, tier, load, color: options.fill === "backlog" ? backlogColor(node.backlog_ms ?? 0) : loadColor(load), score },
      position: positions[i]!,
      classes: classes.join(" "),
    });
  });
  const seen = new Set<string>();
  const n = network.nodes.length;
  network.edges.forEach((edge, index) => {
    const [s, t] = edgeEnds(edge);
    if (s === t || s < 0 || t < 0 || s >= n || t >= n) return;
    const a = Math.min(s, t);
    const b = Math.max(s, t);
    const id = `e${a}-${b}`;
    if (seen.has(id)) return;
    seen.add(id);
    const onSelection = selected != null && (a === selected || b === selected);
    const onSource = source != null && (a === source || b === source);
    const state = edgeState(edge);
    const look = linkStyle(state.backlog_ms);
    const classes = [state.backlog_ms > 0 ? "busy" : "", onSelection ? "touches-selected" : "", onSource ? "touches-source" : ""]
      .filter(Boolean)
      .join(" ");
    elements.push({
      group: "edges",
      data: { id, source: `n${a}`, target: `n${b}`, index, backlog: state.backlog_ms, capacity: state.capacity_mbps, ...look },
      classes,
    });
  });
  return elements;
}

/** Whether any link of the network reports a backlog (the legend then explains the edge widths). */
export function hasLinkBacklog(network: NetworkState): boolean {
  return network.edges.some((e) => edgeState(e).backlog_ms > 0);
}

/** Count of nodes per tier, for the legend. */
export function tierCounts(network: NetworkState): [number, number, number] {
  const c: [number, number, number] = [0, 0, 0];
  for (const node of network.nodes) c[tierOf(node)]++;
  return c;
}
