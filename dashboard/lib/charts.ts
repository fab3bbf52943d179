// Data shaping for the plotly charts: evaluation report, node resources, training curves and
// live latency percentiles. Pure functions returning plotly trace objects (no plotly import).
import type { Data, Layout } from "plotly.js";
import type { EvalResult, NetworkState, StatsRow } from "./types";
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

/** Sorted distinct network sizes in the report. */
export function evalSizes(results: readonly EvalResult[]): number[] {
  return [...new Set(results.map((r) => r.num_nodes))].sort((a, b) => a - b);
}

/** Policies in display order: learned models first, then baselines, each in report order. */
export function evalPolicies(results: readonly EvalResult[]): { policy: string; kind: string }[] {
  const seen = new Map<string, string>();
  for (const r of results) if (!seen.has(r.policy)) seen.set(r.policy, r.kind);
  const all = [...seen.entries()].map(([policy, kind]) => ({ policy, kind }));
  return [...all.filter((p) => p.kind === "learned"), ...all.filter((p) => p.kind !== "learned")];
}

function lookup(results: readonly EvalResult[], policy: string, size: number): EvalResult | undefined {
  return results.find((r) => r.policy === policy && r.num_nodes === size);
}

/**
 * Mean episode reward per policy, one bar group per policy and one bar per network size,
 * with ±1 std error bars.
 */
export function rewardBarTraces(results: readonly EvalResult[]): Data[] {
  const policies = evalPolicies(results).map((p) => p.policy);
  const sizes = evalSizes(results);
  const sizeColors = colorMap(sizes.map(String));
  return sizes.map((size) => {
    const rows = policies.map((p) => lookup(results, p, size));
    return {
      type: "bar",
      name: `${size} nodes`,
      x: policies,
      y: rows.map((r) => (r ? r.mean_reward : null)),
      error_y: {
        type: "data",
        array: rows.map((r) => (r ? r.std_reward : 0)),
        visible: true,
        thickness: 1.2,
        width: 3,
      },
      marker: { color: sizeColors.get(String(size)) },
      hovertemplate: `%{x} @ ${size} nodes<br>mean %{y:.3f} ± %{error_y.array:.3f}<extra></extra>`,
    } as Data;
  });
}

export type EvalMetric = "mean_reward" | "deadline_met_rate" | "mean_latency_ms";

export const METRIC_LABELS: Record<EvalMetric, string> = {
  mean_reward: "Mean episode reward",
  deadline_met_rate: "Deadline-met rate",
  mean_latency_ms: "Mean latency (ms)",
};

/** One line per policy across network sizes; reward lines carry ±1 std error bars. */
export function scalingTraces(results: readonly EvalResult[], metric: EvalMetric): Data[] {
  const policies = evalPolicies(results);
  const sizes = evalSizes(results);
  const colors = colorMap(policies.map((p) => p.policy));
  return policies.map(({ policy, kind }) => {
    const pts = sizes
      .map((s) => lookup(results, policy, s))
      .filter((r): r is EvalResult => r !== undefined);
    const trace: Record<string, unknown> = {
      type: "scatter",
      mode: "lines+markers",
      name: policy,
      x: pts.map((r) => r.num_nodes),
      y: pts.map((r) => r[metric]),
      line: { color: colors.get(policy), width: kind === "learned" ? 2.5 : 1.5, dash: kind === "learned" ? "solid" : "dot" },
      marker: { size: kind === "learned" ? 8 : 6, symbol: kind === "learned" ? "circle" : "square" },
      legendgroup: kind,
    };
    if (metric === "mean_reward") {
      trace.error_y = { type: "data", array: pts.map((r) => r.std_reward), visible: true, thickness: 1, width: 4 };
    }
    return trace as Data;
  });
}

export interface EvalTableRow extends EvalResult {
  rank: number;
  best: boolean;
}

/** Rows for one network size sorted by mean reward (best first), with rank. */
export function evalTable(results: readonly EvalResult[], size: number): EvalTableRow[] {
  const rows = results.filter((r) => r.num_nodes === size).sort((a, b) => b.mean_reward - a.mean_reward);
  return rows.map((r, i) => ({ ...r, rank: i + 1, best: i === 0 }));
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

/** Latency (left axis) and queue length (right axis) per node. */
export function latencyQueueTraces(network: NetworkState): Data[] {
  const x = network.nodes.map((_, i) => i);
  const text = network.nodes.map((n, i) => `node ${i} (${tierName(n.node_type)})`);
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
      name: "Queue length",
      x,
      y: network.nodes.map((n) => n.queue_len),
      yaxis: "y2",
      text,
      hovertemplate: "%{text}<br>queue %{y} tasks<extra></extra>",
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

/** One line per model's training curve (smoothing is left to the reader: raw points only). */
export function trainingCurveTraces(curves: readonly TrainingCurve[], colors: Map<string, string> = colorMap(curves.map((c) => c.model))): Data[] {
  return curves.map((c) => ({
    type: "scatter",
    mode: c.points.length > 60 ? "lines" : "lines+markers",
    name: c.model,
    x: c.points.map((p) => p.step),
    y: c.points.map((p) => p.value),
    line: { color: colors.get(c.model), width: 2 },
    hovertemplate: `${c.model}<br>${c.xLabel} %{x}<br>${c.yLabel} %{y:.3f}<extra></extra>`,
  })) as Data[];
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
