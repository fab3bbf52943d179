"use client";
// Network topology drawn with cytoscape (loaded in the browser only). Nodes sit in tier rows
// (cloud / fog / sensors), are coloured by load, labelled with their score, the selected node is
// highlighted and the task's source is marked. The container exposes what the graph actually
// drew (data-highlighted-node) so tests can check it against the API's answer.
import { useEffect, useMemo, useRef, useState } from "react";
import type { Core, StylesheetJson } from "cytoscape";
import { buildElements, hasLinkBacklog, LINK_BACKLOG_FULL_MS, NODE_BACKLOG_FULL_MS, tierCounts } from "../lib/topology";
import type { NetworkState } from "../lib/types";

type CytoscapeFactory = typeof import("cytoscape");
let cyPromise: Promise<CytoscapeFactory> | null = null;
function loadCytoscape(): Promise<CytoscapeFactory> {
  cyPromise ??= import("cytoscape").then((m) => ((m as unknown as { default?: CytoscapeFactory }).default ?? (m as unknown as CytoscapeFactory)));
  return cyPromise;
}

const STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      "background-color": "data(color)",
      label: "data(label)",
      "font-size": 9,
      "font-family": "Inter, system-ui, sans-serif",
      color: "#1e293b",
      "text-wrap": "wrap",
      "text-valign": "bottom",
      "text-halign": "center",
      "text-margin-y": 3,
      "text-background-color": "#f8fafc",
      "text-background-opacity": 0.8,
      "text-background-padding": "1px",
      "min-zoomed-font-size": 6,
      "border-width": 1,
      "border-color": "#334155",
      width: 18,
      height: 18,
    },
  },
  { selector: "node.tier-0", style: { shape: "ellipse", width: 18, height: 18 } },
  { selector: "node.tier-1", style: { shape: "round-rectangle", width: 26, height: 26 } },
  { selector: "node.tier-2", style: { shape: "hexagon", width: 36, height: 32 } },
  { selector: "node.masked", style: { opacity: 0.45 } },
  {
    selector: "node.source-node",
    style: { "border-width": 3, "border-style": "dashed", "border-color": "#0f172a", "font-weight": "bold" },
  },
  {
    selector: "node.selected-node",
    style: {
      "border-width": 4,
      "border-style": "solid",
      "border-color": "#1d4ed8",
      "underlay-color": "#3b82f6",
      "underlay-padding": 8,
      "underlay-opacity": 0.35,
      "underlay-shape": "ellipse",
      "z-index": 999,
      "font-size": 11,
      "font-weight": "bold",
      color: "#1d4ed8",
    },
  },
  { selector: "node.selected-node.source-node", style: { "border-style": "double", "border-width": 6 } },
  {
    selector: "node.greedy-node",
    style: { "outline-width": 3, "outline-color": "#16a34a", "outline-offset": 3, "outline-style": "solid" },
  },
  {
    selector: "edge",
    style: { width: "data(width)", "line-color": "data(color)", "curve-style": "straight", opacity: 0.9 },
  },
  { selector: "edge.touches-source", style: { "line-color": "#64748b", width: 1.5 } },
  // A busy link keeps its backlog width and colour even next to the source.
  { selector: "edge.busy", style: { "line-color": "data(color)", width: "data(width)", "z-index": 5 } },
  // Blue next to the chosen node, at least 2.2 px, wider when the link is busy.
  { selector: "edge.touches-selected", style: { "line-color": "#3b82f6", width: "mapData(width, 1, 6, 2.2, 6)", "z-index": 10 } },
  { selector: "edge:selected", style: { "overlay-color": "#0f172a", "overlay-opacity": 0.15, "overlay-padding": 3 } },
  { selector: "node:selected", style: { "overlay-color": "#0f172a", "overlay-opacity": 0.12, "overlay-padding": 4 } },
];

export interface TopologyGraphProps {
  network: NetworkState;
  scores?: readonly (number | null)[] | null;
  formatLabel?: (score: number | null) => string;
  scoreName?: string;
  selected?: number | null;
  source?: number | null;
  /** greedy's choice after a compare */
  greedy?: number | null;
  onNodeTap?: (index: number) => void;
  /** called with the index of the tapped edge in network.edges */
  onEdgeTap?: (index: number) => void;
  /** node fill: load (default) or compute backlog */
  fill?: "load" | "backlog";
  /** legend text for the selected node (default "selected node") */
  selectedName?: string;
}

export function TopologyGraph({
  network,
  scores,
  formatLabel,
  scoreName = "score",
  selected,
  source,
  greedy,
  onNodeTap,
  onEdgeTap,
  fill = "load",
  selectedName = "selected node",
}: TopologyGraphProps) {
  const ref = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const tapRef = useRef(onNodeTap);
  tapRef.current = onNodeTap;
  const edgeTapRef = useRef(onEdgeTap);
  edgeTapRef.current = onEdgeTap;
  const [error, setError] = useState<string | null>(null);
  // Height / width of the drawing area, rounded so small resizes don't re-layout.
  const [aspect, setAspect] = useState(0.55);
  // Nodes per row: about one per 40 px of width, so narrow screens wrap big tiers onto more rows.
  const [perRow, setPerRow] = useState(24);
  const elements = useMemo(
    () =>
      buildElements(network, {
        scores: scores ?? null,
        selected: selected ?? null,
        source: source ?? null,
        greedy: greedy ?? null,
        fill,
        layout: { aspect: aspect * 0.85, maxPerRow: perRow },
        ...(formatLabel ? { formatLabel } : {}),
      }),
    [network, scores, selected, source, greedy, formatLabel, fill, aspect, perRow],
  );
  const counts = useMemo(() => tierCounts(network), [network]);
  const busyLinks = useMemo(() => hasLinkBacklog(network), [network]);

  // Create the instance once.
  useEffect(() => {
    let cancelled = false;
    const el = ref.current;
    if (!el) return;
    loadCytoscape()
      .then((cytoscape) => {
        if (cancelled || cyRef.current) return;
        const cy = cytoscape({
          container: el,
          style: STYLE,
          layout: { name: "preset" },
          minZoom: 0.2,
          maxZoom: 4,
          boxSelectionEnabled: false,
        });
        cy.on("tap", "node", (evt) => {
          const idx = evt.target.data("index") as number;
          tapRef.current?.(idx);
        });
        cy.on("tap", "edge", (evt) => {
          const idx = evt.target.data("index") as number;
          edgeTapRef.current?.(idx);
        });
        cyRef.current = cy;
        el.dispatchEvent(new Event("cy-ready"));
      })
      .catch((e: Error) => setError(e.message));
    return () => {
      cancelled = true;
      cyRef.current?.destroy();
      cyRef.current = null;
    };
  }, []);

  // Replace the elements whenever the network or the prediction changes.
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const apply = () => {
      const cy = cyRef.current;
      if (!cy) return;
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      cy.fit(undefined, 28);
      const drawn = cy.nodes(".selected-node").map((n) => String(n.data("index")));
      const src = cy.nodes(".source-node").map((n) => String(n.data("index")));
      el.dataset.highlightedNode = drawn.join(",");
      el.dataset.markedSource = src.join(",");
      el.dataset.renderedNodes = String(cy.nodes().length);
      el.dataset.renderedEdges = String(cy.edges().length);
      el.dataset.busyEdges = String(cy.edges(".busy").length);
    };
    if (cyRef.current) apply();
    else {
      el.addEventListener("cy-ready", apply, { once: true });
      return () => el.removeEventListener("cy-ready", apply);
    }
  }, [elements]);

  // Keep the drawing fitted when the container changes size.
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === "undefined") return;
    let frame = 0;
    const measure = () => {
      if (el.clientWidth > 0) {
        setAspect(Math.round((el.clientHeight / el.clientWidth) * 20) / 20);
        setPerRow(Math.min(24, Math.max(6, Math.floor(el.clientWidth / 40))));
      }
    };
    measure();
    const ro = new ResizeObserver(() => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => {
        measure();
        const cy = cyRef.current;
        if (!cy) return;
        cy.resize();
        cy.fit(undefined, 28);
      });
    });
    ro.observe(el);
    return () => {
      cancelAnimationFrame(frame);
      ro.disconnect();
    };
  }, []);

  return (
    <div>
      {error && <div className="error-box">Topology failed to render: {error}</div>}
      <div
        ref={ref}
        className="topology"
        data-testid="topology"
        data-selected-node={selected ?? ""}
        data-source-node={source ?? ""}
        role="img"
        aria-label={`Network topology with ${network.nodes.length} nodes${selected != null ? `, node ${selected} selected` : ""}`}
      />
      <div className="legend">
        <span>
          {fill === "backlog" ? (
            <>
              backlog <span className="scale" /> 0 → {NODE_BACKLOG_FULL_MS / 1000} s+
            </>
          ) : (
            <>
              load <span className="scale" /> 0 → 100%
            </>
          )}
        </span>
        <span>
          <span className="shape hex" />
          cloud ({counts[2]})
        </span>
        <span>
          <span className="shape rect" />
          fog ({counts[1]})
        </span>
        <span>
          <span className="shape circle" />
          sensor ({counts[0]})
        </span>
        <span>
          <span className="ring selected" />
          {selectedName}
        </span>
        <span>
          <span className="ring source" />
          task source
        </span>
        {greedy != null && (
          <span>
            <span className="ring greedy" />
            greedy&apos;s choice
          </span>
        )}
        {busyLinks && (
          <span title={`Edge width and colour grow with the link's backlog (square-root scale, full at ${LINK_BACKLOG_FULL_MS} ms); click a link for its state`}>
            <span className="link-scale" />
            link backlog 0 → {LINK_BACKLOG_FULL_MS / 1000} s+
          </span>
        )}
        {scores && <span className="muted">label: node · {scoreName}</span>}
      </div>
    </div>
  );
}
