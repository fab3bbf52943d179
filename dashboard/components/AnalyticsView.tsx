"use client";
import { useEffect, useMemo, useState } from "react";
import { api } from "../lib/client";
import { latencyPercentileTraces, trainingCurveFigure, type TrainingCurve } from "../lib/charts";
import {
  ablationTable,
  diffFigure,
  evalLoads,
  evalPolicies,
  evalSizes,
  evalTable,
  fewerEpisodes,
  fewerEpisodesText,
  formatInterval,
  formatScore,
  MAIN_BASELINES,
  metricTraces,
  ONE_POLICY,
  policyStyles,
  sizeAxis,
  VARIANT_LABELS,
  ZERO_POLICY,
  type Verdict,
} from "../lib/evaluation";
import { exportedManifest, trainingCurve } from "../lib/models";
import { statsRows } from "../lib/stats";
import { formatMs, formatNumber, formatPct } from "../lib/format";

import type { AblationRow, EvalRow } from "../lib/types";
import { usePolling } from "./usePolling";
import { Plot } from "./Plot";
import { ErrorNotice } from "./ErrorNotice";
import { Card } from "./Card";

interface CurveState {
  curves: TrainingCurve[];
  /** loaded models whose manifest has no training curve */
  missing: string[];
  error: string | null;
  loading: boolean;
}

const VERDICT_BADGE: Record<Verdict, { cls: string; text: string; title: string }> = {
  better: { cls: "ok", text: "better", title: "the 95% CI lies above 0: better than greedy on these episodes" },
  worse: { cls: "bad", text: "worse", title: "the 95% CI lies below 0: worse than greedy on these episodes" },
  tie: { cls: "", text: "≈ greedy", title: "the 95% CI contains 0: not distinguishable from greedy" },
  reference: { cls: "accent", text: "= 0", title: "greedy is the reference (difference 0 by definition)" },
};

function Segmented<T extends string | number>({
  label,
  options,
  value,
  onChange,
  format = String,
  testId,
}: {
  label: string;
  options: readonly T[];
  value: T;
  onChange: (v: T) => void;
  format?: (v: T) => string;
  testId?: string;
}) {
  return (
    <div className="segmented" role="tablist" aria-label={label} data-testid={testId}>
      {options.map((o) => (
        <button key={String(o)} role="tab" aria-selected={o === value} className={o === value ? "on" : ""} onClick={() => onChange(o)}>
          {format(o)}
        </button>
      ))}
    </div>
  );
}

export function AnalyticsView() {
  const evaluation = usePolling(api.evaluation, 0);
  const stats = usePolling(api.stats, 5_000);
  const [curves, setCurves] = useState<CurveState>({ curves: [], missing: [], error: null, loading: true });
  const [size, setSize] = useState<number | null>(null);
  const [load, setLoad] = useState<number | null>(null);
  const [chartLoad, setChartLoad] = useState<number | "all">("all");
  const [allBaselines, setAllBaselines] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const loaded = (await api.models()).data.models.filter((m) => m.loaded); // 503 for unloaded models
        const details = await Promise.all(loaded.map(async (m) => ({ name: m.name, detail: await api.model(m.name).then((r) => r.data, () => null) })));
        const found: TrainingCurve[] = [];
        const missing: string[] = [];
        for (const { name, detail } of details) {
          const c = detail ? trainingCurve(name, exportedManifest(detail)) : null;
          if (c) found.push(c);
          else missing.push(name);
        }
        if (!cancelled) setCurves({ curves: found, missing, error: null, loading: false });
      } catch (e) {
        if (!cancelled) setCurves({ curves: [], missing: [], error: (e as Error).message, loading: false });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const report = evaluation.data;
  const results: EvalRow[] = useMemo(() => report?.results ?? [], [report]);
  const ablations: AblationRow[] = useMemo(() => report?.ablations ?? [], [report]);
  const sizes = useMemo(() => evalSizes(results), [results]);
  const loads = useMemo(() => evalLoads(results), [results]);
  const policies = useMemo(() => evalPolicies(results), [results]);
  const styles = useMemo(() => policyStyles(policies), [policies]);
  const charted = useMemo(
    () => (allBaselines ? policies : policies.filter((p) => p.kind === "learned" || (MAIN_BASELINES as readonly string[]).includes(p.policy))),
    [policies, allBaselines],
  );
  const hidden = policies.length - charted.length;
  const shownSize = size !== null && sizes.includes(size) ? size : (sizes[0] ?? null);
  const shownLoad = load !== null && loads.includes(load) ? load : (loads[Math.floor(loads.length / 2)] ?? null);
  const panelLoads = useMemo(() => (chartLoad === "all" || !loads.includes(chartLoad) ? loads : [chartLoad]), [chartLoad, loads]);
  const diff = useMemo(() => diffFigure(results, { loads: panelLoads, policies: charted }), [results, panelLoads, charted]);
  const table = useMemo(() => (shownSize === null || shownLoad === null ? [] : evalTable(results, shownSize, shownLoad)), [results, shownSize, shownLoad]);
  const deadlineTraces = useMemo(() => (shownLoad === null ? [] : metricTraces(results, shownLoad, "deadline_met_rate", charted)), [results, shownLoad, charted]);
  const latencyTraces = useMemo(() => (shownLoad === null ? [] : metricTraces(results, shownLoad, "mean_latency_ms", charted)), [results, shownLoad, charted]);
  const ablationRows = useMemo(() => ablationTable(ablations, results), [ablations, results]);
  const fewer = useMemo(() => (report ? fewerEpisodes(results, report.episodes) : []), [report, results]);
  const hasPlanner = policies.some((p) => p.policy === ONE_POLICY);
  const learnedNames = policies.filter((p) => p.kind === "learned").map((p) => p.policy);

  // Same colour, dash and marker per policy as the evaluation charts.
  const curveFigure = useMemo(() => trainingCurveFigure(curves.curves, styles), [curves.curves, styles]);
  const statRows = useMemo(() => statsRows(stats.data).filter((r) => r.p50 !== null), [stats.data]);
  const statTraces = useMemo(() => latencyPercentileTraces(statRows), [statRows]);
  const smallChart = { showlegend: false, margin: { l: 56, r: 16, t: 10, b: 48 }, xaxis: sizeAxis(results) };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Analytics</h1>
          <p>
            How the learned policies compare with greedy, the look-ahead planner and the other baselines on held-out episodes (GET
            /evaluation, models/reports/eval.json), by network size and load; how they trained; how fast the API serves them.
          </p>
        </div>
        {report && (
          <div className="row small muted" data-testid="eval-meta">
            <span className="badge">{report.episodes} episodes per point</span>
            <span className="badge">{report.tasks_per_episode} tasks per episode</span>
            <span className="badge">seed {report.seed}</span>
            <span className="badge">sizes {sizes.join(", ")}</span>
            <span className="badge">loads {loads.join(", ")}</span>
          </div>
        )}
      </div>

      <ErrorNotice error={evaluation.error} title="Could not load the evaluation" />

      {report && (
        <Card style={{ marginBottom: 16 }} testId="eval-explainer" title="How to read these numbers">
          <ul className="explain">
            <li>
              Every policy plays the <strong>same held-out episodes</strong> (the same networks and the same arrival streams,{" "}
              {report.tasks_per_episode} scored tasks each), so each policy is compared with <strong>greedy</strong> episode by episode: the{" "}
              <em>difference vs greedy</em> is the mean of (its return − greedy&apos;s return) with a 95% confidence interval. Above 0 is better
              than greedy; an interval that contains 0 is not distinguishable from it.
            </li>
            <li>
              <strong>Greedy = 0</strong>: the exact one-step optimum (the highest immediate reward, link and node queues included). It cannot see
              the delay a placement causes to later tasks, which is what the learned policies are trained to weigh.
            </li>
            {hasPlanner && (
              <li>
                <strong>Planner = 1</strong>: a sampled look-ahead planner (it scores greedy&apos;s best candidates by simulating future arrivals),
                the strong but slow reference. The <em>normalised score</em> puts a policy on that scale: 0.5 recovers half of the
                planner&apos;s advantage over greedy; it is undefined (—) where the planner is not ahead of greedy.
              </li>
            )}
            {fewer.length > 0 && (
              <li data-testid="fewer-episodes">
                Fewer episodes:{" "}
                {fewerEpisodesText(fewer)}{" "}
                (the others on {report.episodes}). {fewer.some((f) => f.policy === ONE_POLICY) ? "The planner is slow to run, so it" : "It"} was
                paired with greedy on those episodes only, and its intervals are wider there.
              </li>
            )}
          </ul>
        </Card>
      )}

      <Card
        style={{ marginBottom: 16 }}
        title="Difference in episode return vs greedy (95% CI)"
        description="One panel per load; x: network size. Learned policies: filled markers, each with its own colour, marker and dash, spread slightly around each size; baselines: thin lines, open markers. Greedy is the line at 0."
        actions={
          results.length > 0 && (
            <div className="row">
              <Segmented
                label="Load"
                options={["all", ...loads] as (number | "all")[]}
                value={chartLoad === "all" || loads.includes(chartLoad) ? chartLoad : "all"}
                onChange={setChartLoad}
                format={(v) => (v === "all" ? "all loads" : `load ${v}`)}
                testId="diff-load"
              />
              <label className="small row" style={{ gap: 6 }}>
                <input type="checkbox" checked={allBaselines} onChange={(e) => setAllBaselines(e.target.checked)} data-testid="all-baselines" />
                all baselines
              </label>
            </div>
          )
        }
      >
        {results.length ? (
          <>
            <Plot data={diff.data} layout={diff.layout} height={430} ariaLabel="Paired difference of episode return against greedy, with 95% confidence intervals, per policy, network size and load" testId="diff-chart" />
            {!allBaselines && hidden > 0 && (
              <p className="small muted" style={{ margin: "6px 0 0" }}>
                {hidden} weaker baseline{hidden === 1 ? "" : "s"} ({policies.filter((p) => !charted.includes(p)).map((p) => p.policy).join(", ")}) hidden to keep
                the scale readable: tick “all baselines”, or see the table.
              </p>
            )}
          </>
        ) : (
          <div className="empty">{evaluation.loading ? "Loading evaluation…" : "No evaluation results."}</div>
        )}
      </Card>

      {results.length > 0 && shownSize !== null && shownLoad !== null && (
        <>
          <Card
            flush
            style={{ marginBottom: 16 }}
            title={`Results at ${shownSize} nodes, load ${shownLoad}`}
            description="Ranked by mean return. Verdict: where the 95% CI of the difference vs greedy lies."
            actions={
              <div className="row">
                <Segmented label="Network size" options={sizes} value={shownSize} onChange={setSize} testId="table-size" />
                <Segmented label="Load" options={loads} value={shownLoad} onChange={setLoad} format={(v) => `load ${v}`} testId="table-load" />
              </div>
            }
          >
            <div className="table-wrap">
              <table className="data" data-testid="eval-table">
                <thead>
                  <tr>
                    <th className="num">#</th>
                    <th>Policy</th>
                    <th>Kind</th>
                    <th className="num">Episodes</th>
                    <th className="num">Mean return ± std</th>
                    <th className="num">Diff vs greedy [95% CI]</th>
                    <th>Verdict</th>
                    <th className="num" title="greedy = 0, planner = 1; [95% interval] on the planner's episodes">Normalised [95% CI]</th>
                    <th className="num">Deadline met</th>
                    <th className="num">Mean latency</th>
                    <th className="num">Decision</th>
                  </tr>
                </thead>
                <tbody>
                  {table.map(({ rank, row: r, verdict }) => {
                    const v = VERDICT_BADGE[verdict];
                    const st = styles.get(r.policy);
                    return (
                      <tr key={r.policy} data-policy={r.policy} className={r.kind === "learned" ? "highlight" : undefined}>
                        <td className="num">{rank}</td>
                        <td>
                          {st && <span className="swatch" style={{ background: st.color }} aria-hidden />}
                          <strong>{r.policy}</strong>
                        </td>
                        <td>
                          <span className={`badge ${r.kind === "learned" ? "accent" : ""}`}>{r.kind}</span>
                        </td>
                        <td className="num">{r.episodes}</td>
                        <td className="num">
                          {formatNumber(r.mean_return, 1)} ± {formatNumber(r.std_return, 1)}
                        </td>
                        <td className="num" data-testid="diff-cell">{formatInterval(r.diff_vs_greedy)}</td>
                        <td>
                          <span className={`badge ${v.cls}`} title={v.title}>
                            {v.text}
                          </span>
                        </td>
                        <td className="num" data-testid="score-cell">{formatScore(r)}</td>
                        <td className="num">{formatPct(r.deadline_met_rate, 1)}</td>
                        <td className="num">{formatMs(r.mean_latency_ms, 0)}</td>
                        <td className="num">{formatMs(r.decision_ms, r.decision_ms < 1 ? 3 : 1)}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </Card>

          <div className="grid two" style={{ marginBottom: 16 }}>
            <Card title={`Deadline-met rate at load ${shownLoad}`} description="Share of scored tasks finished before their deadline, by network size (colours and markers as above).">
              <Plot data={deadlineTraces} height={260} ariaLabel="Deadline-met rate by network size" testId="deadline-chart" layout={{ ...smallChart, yaxis: { title: { text: "rate" }, tickformat: ".0%", gridcolor: "#e2e8f0" } }} />
            </Card>
            <Card title={`Mean task latency at load ${shownLoad}`} description="Arrival to completion (transfer, link and node queues, processing), ms.">
              <Plot data={latencyTraces} height={260} ariaLabel="Mean latency by network size" testId="latency-scaling-chart" layout={{ ...smallChart, yaxis: { title: { text: "ms" }, gridcolor: "#e2e8f0", rangemode: "tozero" } }} />
            </Card>
          </div>
        </>
      )}

      {report && (
        <Card
          flush
          style={{ marginBottom: 16 }}
          title="Ablations"
          description={`${learnedNames.includes("hybrid") ? "The hybrid" : "A learned policy"}, as trained, evaluated with part of its input removed (not retrained). Share kept = the variant's difference vs greedy ÷ the full model's: 1 keeps all of its gain over greedy, 0 none, below 0 falls under greedy.`}
        >
          {ablationRows.length ? (
            <div className="table-wrap">
              <table className="data" data-testid="ablation-table">
                <thead>
                  <tr>
                    <th>Policy</th>
                    <th>Variant</th>
                    <th className="num">Nodes</th>
                    <th className="num">Load</th>
                    <th className="num">Mean return</th>
                    <th className="num">Diff vs greedy [95% CI]</th>
                    <th className="num">Full model&apos;s diff</th>
                    <th className="num">Share of gain kept [95% CI]</th>
                    <th>Note</th>
                  </tr>
                </thead>
                <tbody>
                  {ablationRows.map((a) => (
                    <tr key={`${a.policy}-${a.variant}-${a.num_nodes}-${a.load}`} data-variant={a.variant}>
                      <td>
                        <strong>{a.policy}</strong>
                      </td>
                      <td title={VARIANT_LABELS[a.variant] ?? a.variant}>
                        <span className="mono">{a.variant}</span>
                      </td>
                      <td className="num">{a.num_nodes}</td>
                      <td className="num">{a.load}</td>
                      <td className="num">{formatNumber(a.mean_return, 1)}</td>
                      <td className="num">{formatInterval(a.diff)}</td>
                      <td className="num">{a.full ? formatInterval(a.full) : "—"}</td>
                      <td className="num" data-testid="share-cell">
                        {a.share === null ? "—" : formatPct(a.share, 0)}
                        {a.shareCi ? ` [${formatPct(a.shareCi[0], 0)}, ${formatPct(a.shareCi[1], 0)}]` : ""}
                      </td>
                      <td className="wrap small muted">{a.note ?? ""}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <div className="empty" style={{ margin: "0 16px 16px" }}>
              The report has no ablations.
            </div>
          )}
          <p className="small muted" style={{ padding: "0 16px 12px", margin: 0 }}>
            {Object.entries(VARIANT_LABELS)
              .map(([k, v]) => `${k}: ${v}`)
              .join(" · ")}
            . Each variant is paired with {ZERO_POLICY} on the same episodes as the full model.
          </p>
        </Card>
      )}

      <div className="grid two">
        <Card title="Training curves" description={<>From each model&apos;s manifest (GET /models/&#123;name&#125;): mean episode return against environment steps, one panel per model on a shared return axis.</>}>
          {curves.error && <div className="error-box">Could not read the manifests: {curves.error}</div>}
          {curves.curves.length > 0 ? (
            <Plot
              data={curveFigure.data}
              height={curves.curves.length > 2 ? 420 : 260}
              ariaLabel="Training curves"
              testId="training-chart"
              layout={curveFigure.layout}
            />
          ) : (
            <div className="empty">{curves.loading ? "Loading manifests…" : "No manifest carries a training curve."}</div>
          )}
          {curves.missing.length > 0 && <p className="small muted">No training curve in the manifest of {curves.missing.join(", ")}.</p>}
        </Card>
        <Card title="Live inference latency" description="p50 / p95 / p99 per model from GET /stats, refreshed every 5 s.">
          <ErrorNotice error={stats.error} title="Could not read /stats" />
          {statRows.length > 0 ? (
            <Plot data={statTraces} height={320} ariaLabel="Live latency percentiles per model" testId="live-latency-chart" layout={{ barmode: "group", yaxis: { title: { text: "ms" }, gridcolor: "#e2e8f0" } }} />
          ) : (
            <div className="empty">{stats.loading ? "Loading…" : "No predictions served yet."}</div>
          )}
        </Card>
      </div>
    </>
  );
}
