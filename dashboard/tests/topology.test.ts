import { describe, expect, it } from "vitest";
import {
  adjacency,
  buildElements,
  edgeEnds,
  edgeState,
  formatScore,
  hasLinkBacklog,
  isMaskedScore,
  LINK_BACKLOG_FULL_MS,
  linkStyle,
  loadColor,
  nodeLoad,
  tierCounts,
  tierLayout,
  tierOf,
  backlogColor,
  NODE_BACKLOG_FULL_MS,
} from "../lib/topology";
import { congestedNetwork, smallNetwork } from "./fixtures";

describe("topology", () => {
  it("maps node types to tiers", () => {
    expect(tierOf({ node_type: 0 })).toBe(0);
    expect(tierOf({ node_type: 1 })).toBe(1);
    expect(tierOf({ node_type: 2 })).toBe(2);
    expect(tierOf({ node_type: 9 })).toBe(0);
  });

  it("computes load as the larger utilisation, clamped", () => {
    expect(nodeLoad({ cpu_util: 0.2, mem_util: 0.7 })).toBe(0.7);
    expect(nodeLoad({ cpu_util: 1.5, mem_util: 0 })).toBe(1);
    expect(nodeLoad({ cpu_util: Number.NaN, mem_util: Number.NaN })).toBe(0);
  });

  it("colours load from green to red", () => {
    expect(loadColor(0)).toBe("#16a34a");
    expect(loadColor(1)).toBe("#dc2626");
    expect(loadColor(0.5)).toBe("#eab308");
    expect(loadColor(-3)).toBe(loadColor(0));
    expect(loadColor(0.25)).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("builds symmetric adjacency and ignores bad edges", () => {
    const adj = adjacency(3, [[0, 1], [1, 1], [2, 5], [1, 0]]);
    expect(adj).toEqual([[1], [0], []]);
  });

  it("lays tiers out in rows: cloud above fog above sensors", () => {
    const pos = tierLayout(smallNetwork);
    const y = (i: number) => pos[i]!.y;
    expect(y(0)).toBeLessThan(y(1));
    expect(y(1)).toBe(y(2));
    expect(y(2)).toBeLessThan(y(3));
    for (const s of [3, 4, 5, 6]) expect(y(s)).toBe(y(3));
  });

  it("orders sensors under the fog node they attach to", () => {
    const pos = tierLayout(smallNetwork);
    // sensors of fog 1 (3, 4) are left of sensors of fog 2 (5, 6), as fog 1 is left of fog 2
    expect(pos[1]!.x).toBeLessThan(pos[2]!.x);
    expect(Math.max(pos[3]!.x, pos[4]!.x)).toBeLessThan(Math.min(pos[5]!.x, pos[6]!.x));
  });

  it("wraps a large tier onto balanced rows", () => {
    const nodes = Array.from({ length: 30 }, () => ({ cpu_util: 0.1, mem_util: 0.1, energy: 1, latency: 1, bandwidth: 1, queue_len: 0, node_type: 0 }));
    const pos = tierLayout({ nodes, edges: [] }, { maxPerRow: 24 });
    const rows = new Map<number, number>();
    for (const p of pos) rows.set(p.y, (rows.get(p.y) ?? 0) + 1);
    expect([...rows.values()]).toEqual([15, 15]);
  });

  it("marks the selected node and the source, and labels scores", () => {
    const els = buildElements(smallNetwork, { scores: [0.1, 0.5, -1e9, 0, 0, 0, 0.4], selected: 1, source: 6 });
    const nodes = els.filter((e) => e.group === "nodes");
    const edges = els.filter((e) => e.group === "edges");
    expect(nodes).toHaveLength(7);
    expect(edges).toHaveLength(7);
    const sel = nodes.filter((n) => n.classes.includes("selected-node"));
    expect(sel.map((n) => n.data.id)).toEqual(["n1"]);
    const src = nodes.filter((n) => n.classes.includes("source-node"));
    expect(src.map((n) => n.data.id)).toEqual(["n6"]);
    expect(nodes[1]!.data.label).toBe("1\n0.50");
    expect(nodes[6]!.data.label).toBe("6 · src\n0.40");
    expect(nodes[2]!.classes).toContain("masked");
    expect(nodes[2]!.data.label).toBe("2\nmasked");
    const touching = edges.filter((e) => e.classes.includes("touches-selected")).map((e) => e.data.id);
    expect(touching.sort()).toEqual(["e0-1", "e1-2", "e1-3", "e1-4"]);
  });

  it("marks greedy's choice", () => {
    const els = buildElements(smallNetwork, { greedy: 2, source: 2 });
    const n2 = els.find((e) => e.group === "nodes" && e.data.id === "n2")!;
    expect(n2.classes).toContain("greedy-node");
    expect(n2.group === "nodes" && n2.data.label).toBe("2 · src greedy");
  });

  it("deduplicates edges and drops invalid ones", () => {
    const els = buildElements({ nodes: smallNetwork.nodes.slice(0, 3), edges: [[0, 1], [1, 0], [2, 2], [0, 9]] });
    expect(els.filter((e) => e.group === "edges")).toHaveLength(1);
  });

  it("labels without scores show only the index", () => {
    const els = buildElements(smallNetwork);
    expect(els[0]!.group === "nodes" && els[0]!.data.label).toBe("0");
  });

  it("formats scores and recognises masked ones", () => {
    expect(isMaskedScore(-1e9)).toBe(true);
    expect(isMaskedScore(null)).toBe(true);
    expect(isMaskedScore(-3)).toBe(false);
    expect(formatScore(123.4)).toBe("123");
    expect(formatScore(12.34)).toBe("12.3");
    expect(formatScore(0.1234)).toBe("0.12");
    expect(formatScore(-1e30)).toBe("masked");
  });

  it("counts tiers", () => {
    expect(tierCounts(smallNetwork)).toEqual([4, 2, 1]);
  });
});

describe("links with state", () => {
  it("reads both edge forms", () => {
    expect(edgeEnds([3, 1])).toEqual([3, 1]);
    expect(edgeEnds({ source: 2, target: 6, backlog_ms: 5 })).toEqual([2, 6]);
    expect(edgeState([3, 1])).toEqual({ backlog_ms: 0, capacity_mbps: null });
    expect(edgeState({ source: 2, target: 6, backlog_ms: 4000, capacity_mbps: 20 })).toEqual({ backlog_ms: 4000, capacity_mbps: 20 });
    expect(edgeState({ source: 1, target: 3 })).toEqual({ backlog_ms: 0, capacity_mbps: null });
  });

  it("lays out and connects object edges like pairs", () => {
    expect(tierLayout(congestedNetwork)).toEqual(tierLayout(smallNetwork));
    expect(adjacency(7, congestedNetwork.edges)).toEqual(adjacency(7, smallNetwork.edges));
  });

  it("widens and reddens an edge with its backlog, capped", () => {
    expect(linkStyle(0)).toEqual({ width: 1, color: "#cbd5e1" });
    const small = linkStyle(10);
    const big = linkStyle(250);
    const full = linkStyle(LINK_BACKLOG_FULL_MS);
    expect(small.width).toBeGreaterThan(1);
    expect(big.width).toBeGreaterThan(small.width);
    expect(full).toEqual({ width: 6, color: "#dc2626" });
    expect(linkStyle(LINK_BACKLOG_FULL_MS * 10)).toEqual(full);
  });

  it("carries each edge's backlog, capacity and index into the drawing", () => {
    const edges = buildElements(congestedNetwork).filter((e) => e.group === "edges");
    const byId = Object.fromEntries(edges.map((e) => [e.data.id, e]));
    expect(byId["e2-6"]!.data).toMatchObject({ index: 3, backlog: 4000, capacity: 20, width: 6, color: "#dc2626" });
    expect(byId["e2-6"]!.classes).toContain("busy");
    expect(byId["e1-2"]!.data).toMatchObject({ index: 2, backlog: 0, capacity: null, width: 1 });
    expect(byId["e1-2"]!.classes).not.toContain("busy");
    expect(hasLinkBacklog(congestedNetwork)).toBe(true);
    expect(hasLinkBacklog(smallNetwork)).toBe(false);
  });
});

describe("topology aspect", () => {
  it("stretches tier gaps to fill a tall area, within bounds", () => {
    const flat = tierLayout(smallNetwork, { spacing: 60, tierGap: 100 });
    const tall = tierLayout(smallNetwork, { spacing: 60, tierGap: 100, aspect: 1 });
    const huge = tierLayout(smallNetwork, { spacing: 60, tierGap: 100, aspect: 50 });
    const height = (p: { y: number }[]) => Math.max(...p.map((q) => q.y)) - Math.min(...p.map((q) => q.y));
    expect(height(flat)).toBe(200);
    // 4 sensors -> width 4 * 60 = 240; 2 gaps -> 120 each
    expect(height(tall)).toBe(240);
    expect(height(huge)).toBe(600); // capped at 3x tierGap per gap
  });
});

describe("node fill by backlog (simulation replay)", () => {
  it("colours nodes by their compute backlog instead of their load", () => {
    const net = {
      nodes: [
        { cpu_util: 0.9, mem_util: 0.9, energy: 1, latency: 1, bandwidth: 1, node_type: 0, backlog_ms: 0 },
        { cpu_util: 0.1, mem_util: 0.1, energy: 1, latency: 1, bandwidth: 1, node_type: 1, backlog_ms: NODE_BACKLOG_FULL_MS * 2 },
      ],
      edges: [[0, 1] as [number, number]],
    };
    const color = (fill: "load" | "backlog") =>
      buildElements(net, { fill })
        .filter((e) => e.group === "nodes")
        .map((e) => (e.data as { color: string }).color);
    expect(color("backlog")).toEqual([backlogColor(0), loadColor(1)]);
    expect(color("load")).toEqual([loadColor(0.9), loadColor(0.1)]);
    expect(backlogColor(NODE_BACKLOG_FULL_MS / 4)).toBe(loadColor(0.5));
  });
});
