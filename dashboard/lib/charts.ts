// Data shaping for the plotly charts: node resources and backlogs, training curves and live
// latency percentiles (the evaluation's charts are in lib/evaluation.ts). Pure functions returning
// plotly trace objects (no plotly import).
import type { Data, Layout } from "plotly.js";
import type { StatsRow } from "./stats";
import type { NetworkState } from "./types";
import { tierName } from "./format";

export const PALETTE = [
  "#2563eb", // blue
  "#db2777", // pink
  "#059669", // emerald
  "#7c3aed", // violet
  "#ea580c", // orange
  "#0891b2", // cyan
  "#65a30d", // lime
  "#b45309", // amber
  "#475569", // slate
  "#be123c", // rose
];

/** A stable colour for each name in the order given. */
export function colorMap(names: readonly string[]): Map<string, string> {
  const m = new Map<string, string>();
  names.forEach((n, i) => m.set(n, PALETTE[i % PALETTE.length]!));
  return m;
}

/** CPU and memory utilisation per node as grouped bars (percent). */
export function resourceBarTraces(network: NetworkState, selected?: number | null): Data[] {
  const x = network.nodes.map((_, i) => i);
  const text = network.nodes.map((n, i) => `node ${i} (${tierName(n.node_type)})`);
  const outline = network.nodes.map((_, i) => (i === selected ? 2.5 : 0));
  return [
    {
      type: "bar",
      name: "CPU",
      x,
      y: network.nodes.map((n) => n.cpu_util * 100),
      text,
      hovertemplate: "%{text}<br>CPU %{y:.1f}%<extra></extra>",
      textposition: "none",
      marker: { color: "#2563eb", line: { color: "#111827", width: outline } },
    } as Data,
    {
      type: "bar",
      name: "Memory",
      x,
      y: network.nodes.map((n) => n.mem_util * 100),
      text,
      hovertemplate: "%{text}<br>memory %{y:.1f}%<extra></extra>",
      textposition: "none",
      marker: { color: "#f59e0b", line: { color: "#111827", width: outline } },
    } as Data,
  ];
}

/**
 * What the per-node queue chart shows: the compute backlog in ms when the network carries
 * `backlog_ms` (a mid-episode network), else the queued task count `queue_len` (a generated idle
 * network). The API derives one from the other; the dashboard shows what the network says.
 */
export function queueMeasure(network: NetworkState): "backlog_ms" | "queue_len" {
  return network.nodes.some((n) => n.backlog_ms !== undefined) ? "backlog_ms" : "queue_len";
}

/** Latency (left axis) and the node queue (right axis: backlog in ms, or queued tasks) per node. */
export function latencyQueueTraces(network: NetworkState): Data[] {
  const x = network.nodes.map((_, i) => i);
  const text = network.nodes.map((n, i) => `node ${i} (${tierName(n.node_type)})`);
  const measure = queueMeasure(network);
  const queue =
    measure === "backlog_ms"
      ? {
          name: "Backlog (ms)",
          y: network.nodes.map((n) => n.backlog_ms ?? null),
          hovertemplate: "%{text}<br>backlog %{y:.0f} ms<extra></extra>",
        }
      : {
          name: "Queue length",
          y: network.nodes.map((n) => n.queue_len ?? 0),
          hovertemplate: "%{text}<br>queue %{y} tasks<extra></extra>",
        };
  return [
    {
      type: "scatter",
      mode: "lines+markers",
      name: "Latency (ms)",
      x,
      y: network.nodes.map((n) => n.latency),
      text,
      hovertemplate: "%{text}<br>latency %{y:.2f} ms<extra></extra>",
      line: { color: "#7c3aed" },
      marker: { size: 5 },
    } as Data,
    {
      type: "bar",
      ...queue,
      x,
      yaxis: "y2",
      text,
      textposition: "none",
      marker: { color: "rgba(8, 145, 178, 0.45)" },
    } as Data,
  ];
}

/** Node scores (the model's output per node) as bars, the selected node emphasised. */
export function scoreBarTraces(scores: readonly (number | null)[], selected: number | null, label: string, asPercent = false): Data[] {
  const valid = scores.map((s) => (s !== null && Number.isFinite(s) && s > -1e8 ? (asPercent ? s * 100 : s) : null));
  return [
    {
      type: "bar",
      name: label,
      x: scores.map((_, i) => i),
      y: valid,
      marker: { color: scores.map((_, i) => (i === selected ? "#dc2626" : "#94a3b8")) },
      hovertemplate: `node %{x}<br>${label} %{y:.${asPercent ? 2 : 4}f}${asPercent ? "%" : ""}<extra></extra>`,
    } as Data,
  ];
}

/** p50 / p95 / p99 latency per model from /stats as grouped bars. */
export function latencyPercentileTraces(rows: readonly StatsRow[]): Data[] {
  const models = rows.map((r) => r.model);
  const defs: [keyof StatsRow, string, string][] = [
    ["p50", "p50", "#93c5fd"],
    ["p95", "p95", "#3b82f6"],
    ["p99", "p99", "#1e3a8a"],
  ];
  return defs.map(([key, name, color]) => ({
    type: "bar",
    name,
    x: models,
    y: rows.map((r) => r[key] as number | null),
    marker: { color },
    hovertemplate: `%{x}<br>${name} %{y:.3f} ms<extra></extra>`,
  })) as Data[];
}

export interface CurvePoint {
  step: number;
  value: number;
}

export interface TrainingCurve {
  model: string;
  xLabel: string;
  yLabel: string;
  points: CurvePoint[];
}

export interface LineStyle {
  color: string;
  dash: string;
  symbol: string;
}

/**
 * Training curves as small multiples: one panel per model (two per row) on a shared y axis, each
 * in the model's own colour, dash and marker, so curves that overlap in one chart stay apart and
 * their returns can still be compared across panels. Raw points only: no smoothing.
 */
export function trainingCurveFigure(curves: readonly TrainingCurve[], styles: Map<string, LineStyle>): { data: Data[]; layout: Partial<Layout> } {
  const columns = Math.min(2, curves.length);
  const rows = Math.ceil(curves.length / 2);
  const data = curves.map((c, i) => {
    const style = styles.get(c.model) ?? { color: PALETTE[i % PALETTE.length]!, dash: "solid", symbol: "circle" };
    const axis = i === 0 ? "" : String(i + 1);
    return {
      type: "scatter",
      mode: c.points.length > 60 ? "lines" : "lines+markers",
      name: c.model,
      xaxis: `x${axis}`,
      yaxis: `y${axis}`,
      x: c.points.map((p) => p.step),
      y: c.points.map((p) => p.value),
      line: { color: style.color, dash: style.dash, width: 2 },
      marker: { color: style.color, symbol: style.symbol, size: 6 },
      hovertemplate: `${c.model}<br>${c.xLabel} %{x}<br>${c.yLabel} %{y:.3f}<extra></extra>`,
    } as Data;
  });
  const layout: Record<string, unknown> = {
    grid: { rows, columns, pattern: "independent", xgap: 0.12, ygap: 0.3 },
    showlegend: false,
    margin: { l: 56, r: 12, t: 24, b: 40 },
    annotations: curves.map((c, i) => {
      const axis = i === 0 ? "" : String(i + 1);
      return { text: `<b>${c.model}</b>`, showarrow: false, xref: `x${axis} domain`, yref: `y${axis} domain`, x: 0.5, y: 1, xanchor: "center", yanchor: "bottom", font: { size: 12 } };
    }),
  };
  curves.forEach((c, i) => {
    const axis = i === 0 ? "" : String(i + 1);
    layout[`xaxis${axis}`] = { gridcolor: "#e2e8f0", title: i >= curves.length - columns ? { text: c.xLabel } : undefined };
    layout[`yaxis${axis}`] = { gridcolor: "#e2e8f0", ...(i > 0 ? { matches: "y" } : {}), title: i % 2 === 0 ? { text: "return" } : undefined };
  });
  return { data, layout: layout as Partial<Layout> };
}

/** Shared plotly layout defaults so every chart looks the same. */
export function baseLayout(overrides: Partial<Layout> = {}): Partial<Layout> {
  return {
    autosize: true,
    margin: { l: 56, r: 24, t: 16, b: 48 },
    paper_bgcolor: "rgba(0,0,0,0)",
    plot_bgcolor: "rgba(0,0,0,0)",
    font: { family: "Inter, system-ui, -apple-system, Segoe UI, Roboto, sans-serif", size: 12, color: "#334155" },
    legend: { orientation: "h", y: -0.2, x: 0 },
    xaxis: { gridcolor: "#e2e8f0", zerolinecolor: "#cbd5e1" },
    yaxis: { gridcolor: "#e2e8f0", zerolinecolor: "#cbd5e1" },
    hoverlabel: { bgcolor: "#0f172a", font: { color: "#f8fafc" } },
    ...overrides,
  };
}
