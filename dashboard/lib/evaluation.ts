// Shaping of the held-out evaluation (GET /evaluation, models/reports/eval.json, and the same rows
// in each model's manifest) for the Analytics and Models pages: the paired difference against
// greedy with its 95% CI per (policy, network size, load), tables and the ablation's share of the
// hybrid's gain. Pure functions returning plain rows and plotly objects (no plotly import).
import type { Data, Layout } from "plotly.js";
import type { AblationRow, EvalRow } from "./types";

/** [mean, lo, hi] of a paired difference of episode returns against greedy. */
export type Interval = readonly [number, number, number];

/** The reference points of the normalised score: greedy = 0, planner = 1. */
export const ZERO_POLICY = "greedy";
export const ONE_POLICY = "planner";
/** Baselines drawn by default next to the learned policies (the others are far below and squash the scale). */
export const MAIN_BASELINES = ["greedy", "planner", "greedy_static", "jsed"] as const;

/** Sorted distinct network sizes. */
export function evalSizes(rows: readonly { num_nodes: number }[]): number[] {
  return [...new Set(rows.map((r) => r.num_nodes))].sort((a, b) => a - b);
}

/** Sorted distinct loads. */
export function evalLoads(rows: readonly { load: number }[]): number[] {
  return [...new Set(rows.map((r) => r.load))].sort((a, b) => a - b);
}

export interface PolicyRef {
  policy: string;
  kind: "learned" | "baseline";
}

/**
 * Policies in display order: learned models (report order), then the main baselines (greedy,
 * planner, greedy_static, jsed), then the other baselines (report order).
 */
export function evalPolicies(rows: readonly EvalRow[]): PolicyRef[] {
  const seen = new Map<string, PolicyRef["kind"]>();
  for (const r of rows) if (!seen.has(r.policy)) seen.set(r.policy, r.kind);
  const all = [...seen.entries()].map(([policy, kind]) => ({ policy, kind }));
  const main = (p: string) => (MAIN_BASELINES as readonly string[]).indexOf(p);
  return [
    ...all.filter((p) => p.kind === "learned"),
    ...all.filter((p) => p.kind !== "learned" && main(p.policy) >= 0).sort((a, b) => main(a.policy) - main(b.policy)),
    ...all.filter((p) => p.kind !== "learned" && main(p.policy) < 0),
  ];
}

export interface PolicyStyle {
  color: string;
  /** plotly marker symbol */
  symbol: string;
  /** plotly line dash */
  dash: string;
  width: number;
}

// Learned policies: strong colours, filled markers, each its own dash, so four lines stay apart
// in greyscale and for colour-blind readers too.
const LEARNED: PolicyStyle[] = [
  { color: "#2563eb", symbol: "circle", dash: "solid", width: 2.5 },
  { color: "#db2777", symbol: "diamond", dash: "dash", width: 2.5 },
  { color: "#7c3aed", symbol: "square", dash: "dot", width: 2.5 },
  { color: "#ea580c", symbol: "triangle-up", dash: "dashdot", width: 2.5 },
  { color: "#0891b2", symbol: "pentagon", dash: "longdash", width: 2.5 },
  { color: "#65a30d", symbol: "hexagon", dash: "longdashdot", width: 2.5 },
];
// Baselines: thinner lines, open markers.
const BASELINES: Record<string, PolicyStyle> = {
  greedy: { color: "#0f172a", symbol: "x", dash: "solid", width: 1.5 },
  planner: { color: "#16a34a", symbol: "star", dash: "longdash", width: 2 },
  greedy_static: { color: "#b45309", symbol: "triangle-down-open", dash: "dot", width: 1.5 },
  jsed: { color: "#64748b", symbol: "square-open", dash: "dashdot", width: 1.5 },
};
const OTHER_BASELINES: PolicyStyle[] = [
  { color: "#a855f7", symbol: "circle-open", dash: "dot", width: 1.2 },
  { color: "#94a3b8", symbol: "diamond-open", dash: "dot", width: 1.2 },
  { color: "#be123c", symbol: "cross-open", dash: "dot", width: 1.2 },
  { color: "#a16207", symbol: "triangle-left-open", dash: "dot", width: 1.2 },
  { color: "#0d9488", symbol: "hexagon-open", dash: "dot", width: 1.2 },
];

/** A colour, marker symbol and dash per policy, stable for a given policy list. */
export function policyStyles(policies: readonly PolicyRef[]): Map<string, PolicyStyle> {
  const m = new Map<string, PolicyStyle>();
  let learned = 0;
  let other = 0;
  for (const p of policies) {
    if (p.kind === "learned") m.set(p.policy, LEARNED[learned++ % LEARNED.length]!);
    else m.set(p.policy, BASELINES[p.policy] ?? OTHER_BASELINES[other++ % OTHER_BASELINES.length]!);
  }
  return m;
}

function find(rows: readonly EvalRow[], policy: string, size: number, load: number): EvalRow | undefined {
  return rows.find((r) => r.policy === policy && r.num_nodes === size && r.load === load);
}

/** Error bar half-widths of an interval: plotly's `array` (up) and `arrayminus` (down). */
export function errorBar(diff: Interval): { up: number; down: number } {
  const [mean, lo, hi] = diff;
  return { up: Math.max(0, hi - mean), down: Math.max(0, mean - lo) };
}

export interface DiffFigureOptions {
  /** one subplot per load, side by side */
  loads: readonly number[];
  /** policies to draw, in legend order (default: every policy) */
  policies?: readonly PolicyRef[];
  /** horizontal spread of the policies around each size, in category widths (default 0.5) */
  spread?: number;
}

/**
 * The paired difference of episode returns against greedy, with its 95% CI as asymmetric error
 * bars: one subplot per load, x = network size (as categories, so 20 and 1000 get equal room),
 * one line per policy, offset slightly per policy so the error bars don't hide each other.
 */
export function diffFigure(rows: readonly EvalRow[], options: DiffFigureOptions): { data: Data[]; layout: Partial<Layout> } {
  const loads = options.loads;
  const policies = options.policies ?? evalPolicies(rows);
  const styles = policyStyles(evalPolicies(rows));
  const sizes = evalSizes(rows);
  const spread = options.spread ?? 0.5;
  const step = policies.length > 1 ? spread / (policies.length - 1) : 0;
  const data: Data[] = [];
  loads.forEach((load, j) => {
    const axis = j === 0 ? "x" : `x${j + 1}`;
    policies.forEach(({ policy, kind }, k) => {
      const offset = policies.length > 1 ? -spread / 2 + k * step : 0;
      const pts = sizes
        .map((size, i) => ({ i, row: find(rows, policy, size, load) }))
        .filter((p): p is { i: number; row: EvalRow } => p.row !== undefined);
      if (!pts.length) return;
      const style = styles.get(policy)!;
      const bars = pts.map((p) => errorBar(p.row.diff_vs_greedy));
      data.push({
        type: "scatter",
        mode: "lines+markers",
        name: policy,
        legendgroup: policy,
        showlegend: j === 0,
        xaxis: axis,
        yaxis: "y",
        x: pts.map((p) => p.i + offset),
        y: pts.map((p) => p.row.diff_vs_greedy[0]),
        customdata: pts.map((p) => [p.row.num_nodes, p.row.diff_vs_greedy[1], p.row.diff_vs_greedy[2], p.row.episodes]),
        error_y: {
          type: "data",
          symmetric: false,
          array: bars.map((b) => b.up),
          arrayminus: bars.map((b) => b.down),
          visible: true,
          color: style.color,
          thickness: kind === "learned" ? 1.5 : 1.1,
          width: 3,
        },
        line: { color: style.color, dash: style.dash, width: style.width },
        marker: { color: style.color, symbol: style.symbol, size: kind === "learned" ? 9 : 8, line: { color: style.color, width: 1.5 } },
        hovertemplate: `<b>${policy}</b> · %{customdata[0]} nodes · load ${load}<br>diff vs greedy %{y:.1f} [%{customdata[1]:.1f}, %{customdata[2]:.1f}]<br>%{customdata[3]} episodes<extra></extra>`,
      } as Data);
    });
  });

  const gap = loads.length > 1 ? 0.05 : 0;
  const width = (1 - gap * (loads.length - 1)) / Math.max(1, loads.length);
  const layout: Record<string, unknown> = {
    yaxis: { title: { text: "return − greedy's (95% CI)" }, gridcolor: "#e2e8f0", zeroline: true, zerolinecolor: "#0f172a", zerolinewidth: 1.5 },
    annotations: loads.map((load, j) => ({
      text: `<b>load ${load}</b>`,
      showarrow: false,
      xref: "paper",
      yref: "paper",
      x: j * (width + gap) + width / 2,
      y: 1.0,
      xanchor: "center",
      yanchor: "bottom",
      font: { size: 12 },
    })),
    legend: { orientation: "h", y: -0.22, x: 0 },
    margin: { l: 64, r: 16, t: 28, b: 72 },
    hovermode: "closest",
  };
  loads.forEach((_, j) => {
    layout[j === 0 ? "xaxis" : `xaxis${j + 1}`] = {
      ...sizeAxis(rows),
      domain: [j * (width + gap), j * (width + gap) + width],
      anchor: "y",
    };
  });
  return { data, layout: layout as Partial<Layout> };
}

export type EvalMetric = "deadline_met_rate" | "mean_latency_ms" | "mean_return" | "normalized_score" | "decision_ms";

/**
 * One line per policy across network sizes at one load, for a plain metric (no error bars), each
 * policy shifted slightly around each size (`spread`, in category widths) so close lines stay apart.
 */
export function metricTraces(rows: readonly EvalRow[], load: number, metric: EvalMetric, policies?: readonly PolicyRef[], spread = 0.3): Data[] {
  const list = policies ?? evalPolicies(rows);
  const styles = policyStyles(evalPolicies(rows));
  const sizes = evalSizes(rows);
  const out: Data[] = [];
  for (const [k, { policy, kind }] of list.entries()) {
    const offset = list.length > 1 ? -spread / 2 + (k * spread) / (list.length - 1) : 0;
    const pts = sizes
      .map((size, i) => ({ i, row: find(rows, policy, size, load) }))
      .filter((p): p is { i: number; row: EvalRow } => p.row !== undefined);
    if (!pts.length) continue;
    const style = styles.get(policy)!;
    out.push({
      type: "scatter",
      mode: "lines+markers",
      name: policy,
      legendgroup: policy,
      x: pts.map((p) => p.i + offset),
      y: pts.map((p) => p.row[metric] ?? null),
      customdata: pts.map((p) => p.row.num_nodes),
      line: { color: style.color, dash: style.dash, width: style.width },
      marker: { color: style.color, symbol: style.symbol, size: kind === "learned" ? 8 : 7 },
      hovertemplate: `<b>${policy}</b> · %{customdata} nodes<br>%{y}<extra></extra>`,
    } as Data);
  }
  return out;
}

/** The categorical size axis shared by the evaluation charts. */
export function sizeAxis(rows: readonly EvalRow[]): Partial<Layout["xaxis"]> {
  const sizes = evalSizes(rows);
  return {
    tickmode: "array",
    tickvals: sizes.map((_, i) => i),
    ticktext: sizes.map(String),
    range: [-0.5, sizes.length - 0.5],
    title: { text: "nodes" },
    gridcolor: "#f1f5f9",
    zeroline: false,
  };
}

/** Where a difference stands against greedy: its CI is above 0, below 0, or contains 0. */
export type Verdict = "better" | "worse" | "tie" | "reference";

export function verdict(policy: string, diff: Interval): Verdict {
  if (policy === ZERO_POLICY) return "reference";
  if (diff[1] > 0) return "better";
  if (diff[2] < 0) return "worse";
  return "tie";
}

/** How one policy's cells (sizes x loads) stand against greedy, each by its paired 95% interval. */
export interface VerdictCounts {
  cells: number;
  better: number;
  worse: number;
  tie: number;
}

export function verdictCounts(policy: string, results: readonly EvalRow[]): VerdictCounts {
  const counts: VerdictCounts = { cells: 0, better: 0, worse: 0, tie: 0 };
  for (const r of results) {
    if (r.policy !== policy) continue;
    const v = verdict(policy, r.diff_vs_greedy);
    if (v === "reference") continue;
    counts.cells++;
    counts[v]++;
  }
  return counts;
}

/** "better than greedy in 12 of 12 cells", "worse than greedy in 11 of 12 cells, indistinct in 1", ... */
export function verdictSummary(c: VerdictCounts): string {
  const parts = (
    [
      ["better than greedy", c.better],
      ["worse than greedy", c.worse],
      ["indistinct from greedy", c.tie],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1]);
  const [first, ...rest] = parts;
  if (!first) return "no evaluation cells";
  return `${first[0]} in ${first[1]} of ${c.cells} cells${rest.map(([what, k]) => `, ${what.split(" ")[0]} in ${k}`).join("")}`;
}

export interface EvalTableRow {
  rank: number;
  row: EvalRow;
  verdict: Verdict;
}

/** Rows at one (size, load), best mean return first. */
export function evalTable(rows: readonly EvalRow[], size: number, load: number): EvalTableRow[] {
  return rows
    .filter((r) => r.num_nodes === size && r.load === load)
    .sort((a, b) => b.mean_return - a.mean_return || a.policy.localeCompare(b.policy))
    .map((row, i) => ({ rank: i + 1, row, verdict: verdict(row.policy, row.diff_vs_greedy) }));
}

export interface AblationTableRow {
  policy: string;
  variant: string;
  num_nodes: number;
  load: number;
  mean_return: number;
  diff: Interval;
  /** the full policy's difference at the same size and load, if the report has it */
  full: Interval | null;
  /**
   * Share of the full policy's gain over greedy the variant keeps: ablation diff / full diff.
   * null when there is no gain to keep (full diff <= 0) or no full row.
   */
  share: number | null;
  /** the report's 95% interval of share (Fieller's, paired by episode), when it has one */
  shareCi: [number, number] | null;
  /** why share is null, or a caveat (the full gain's CI contains 0) */
  note: string | null;
}

export const VARIANT_LABELS: Record<string, string> = {
  no_link_state: "without link state (link backlog and capacity zeroed)",
  no_graph: "without the graph (per-node MLP, no route-tree convolutions)",
};

/** The ablation rows, each with the full policy's difference and the share of its gain kept. */
export function ablationTable(ablations: readonly AblationRow[], results: readonly EvalRow[]): AblationTableRow[] {
  return ablations
    .map((a) => {
      const fullRow = find(results, a.policy, a.num_nodes, a.load);
      const full = fullRow ? fullRow.diff_vs_greedy : null;
      let share: number | null = null;
      let note: string | null = null;
      if (!full) note = `no ${a.policy} row at this size and load`;
      else if (full[0] <= 0) note = `${a.policy} has no gain over greedy here to keep`;
      else {
        share = a.diff_vs_greedy[0] / full[0];
        if (full[1] <= 0) note = `${a.policy}'s own gain is within noise (its CI contains 0)`;
      }
      return {
        policy: a.policy,
        variant: a.variant,
        num_nodes: a.num_nodes,
        load: a.load,
        mean_return: a.mean_return,
        diff: a.diff_vs_greedy,
        full,
        share,
        shareCi: share === null ? null : (a.gain_kept_ci95 ?? null),
        note,
      };
    })
    .sort((x, y) => x.num_nodes - y.num_nodes || x.load - y.load || x.policy.localeCompare(y.policy) || x.variant.localeCompare(y.variant));
}

export interface EpisodeNote {
  policy: string;
  episodes: number;
  sizes: number[];
}

/**
 * Policies evaluated on fewer episodes than the report's default (the planner at large sizes),
 * grouped by policy and episode count.
 */
export function fewerEpisodes(rows: readonly EvalRow[], reportEpisodes: number): EpisodeNote[] {
  const groups = new Map<string, EpisodeNote>();
  for (const r of rows) {
    if (r.episodes >= reportEpisodes) continue;
    const key = `${r.policy}\u0000${r.episodes}`;
    const g = groups.get(key) ?? { policy: r.policy, episodes: r.episodes, sizes: [] };
    if (!g.sizes.includes(r.num_nodes)) g.sizes.push(r.num_nodes);
    groups.set(key, g);
  }
  return [...groups.values()]
    .map((g) => ({ ...g, sizes: g.sizes.sort((a, b) => a - b) }))
    .sort((a, b) => a.policy.localeCompare(b.policy) || b.episodes - a.episodes);
}

/**
 * The fewer-episodes notes as one phrase per policy, largest count first:
 * "planner ran on 40 episodes at 50 nodes, 10 at 200 and 2 at 1000".
 */
export function fewerEpisodesText(notes: readonly EpisodeNote[]): string {
  const byPolicy = new Map<string, EpisodeNote[]>();
  for (const n of notes) byPolicy.set(n.policy, [...(byPolicy.get(n.policy) ?? []), n]);
  const phrases = [...byPolicy.entries()].map(([policy, list]) => {
    const parts = [...list]
      .sort((a, b) => b.episodes - a.episodes)
      .map((n, i) => `${n.episodes}${i === 0 ? ` episode${n.episodes === 1 ? "" : "s"}` : ""} at ${n.sizes.join(", ")}${i === 0 ? " nodes" : ""}`);
    const joined = parts.length > 1 ? `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}` : parts[0];
    return `${policy} ran on ${joined}`;
  });
  return phrases.join("; ");
}

export interface EvalMatrix {
  sizes: number[];
  loads: number[];
  /** row at (size, load), or undefined */
  cell: (size: number, load: number) => EvalRow | undefined;
}

/**
 * One model's evaluation from its manifest (`evaluation.results`, the same rows as eval.json) as a
 * size x load matrix. Rows of other policies are left out.
 */
export function modelEvalMatrix(model: string, results: readonly EvalRow[]): EvalMatrix {
  const rows = results.filter((r) => r.policy === model);
  return {
    sizes: evalSizes(rows),
    loads: evalLoads(rows),
    cell: (size, load) => find(rows, model, size, load),
  };
}

/** "-12.3 [-20.1, -4.5]" */
export function formatInterval(diff: Interval, digits = 1): string {
  const f = (v: number) => {
    const s = v.toFixed(digits);
    return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
  };
  return `${f(diff[0])} [${f(diff[1])}, ${f(diff[2])}]`;
}

/** "0.75 [0.61, 0.90]", "0.75 [unbounded]" where no finite interval holds the ratio, the bare score for greedy and
 * the planner (0 and 1 by definition), "—" where there is none. */
export function formatScore(row: Pick<EvalRow, "policy" | "normalized_score" | "normalized_score_ci95">): string {
  const v = row.normalized_score;
  if (v === null || !Number.isFinite(v)) return "—";
  if (row.policy === "greedy" || row.policy === "planner" || row.normalized_score_ci95 === undefined) return v.toFixed(2);
  const ci = row.normalized_score_ci95;
  return `${v.toFixed(2)} ${ci ? `[${ci[0].toFixed(2)}, ${ci[1].toFixed(2)}]` : "[unbounded]"}`;
}
