"use client";
import { useEffect, useMemo, useState } from "react";
import { api } from "../lib/client";
import {
  colorMap,
  evalPolicies,
  evalSizes,
  evalTable,
  latencyPercentileTraces,
  rewardBarTraces,
  scalingTraces,
  trainingCurveTraces,
  type TrainingCurve,
} from "../lib/charts";
import { extractTrainingCurve, normalizeModels, trainingCurveFile } from "../lib/models";
import { normalizeStats } from "../lib/stats";
import { formatMs, formatNumber, formatPct } from "../lib/format";
import type { EvalResult } from "../lib/types";
import { usePolling } from "./usePolling";
import { Plot } from "./Plot";
import { ErrorNotice } from "./ErrorNotice";

interface CurveState {
  curves: TrainingCurve[];
  files: { model: string; file: string }[];
  missing: string[];
  error: string | null;
  loading: boolean;
}

export function AnalyticsView() {
  const evaluation = usePolling(api.evaluation, 0);
  const stats = usePolling(api.stats, 5_000);
  const [curves, setCurves] = useState<CurveState>({ curves: [], files: [], missing: [], error: null, loading: true });
  const [size, setSize] = useState<number | null>(null);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const list = normalizeModels((await api.models()).data);
        const manifests = await Promise.all(
          list.map(async (m) => {
            if (m.loaded === false) return { name: m.name, manifest: null }; // 503 for unloaded models
            try {
              return { name: m.name, manifest: (await api.model(m.name)).data };
            } catch {
              return { name: m.name, manifest: null };
            }
          }),
        );
        const found: TrainingCurve[] = [];
        const files: { model: string; file: string }[] = [];
        const missing: string[] = [];
        for (const { name, manifest } of manifests) {
          const c = extractTrainingCurve(name, manifest);
          if (c) found.push(c);
          else {
            const f = trainingCurveFile(manifest);
            if (f) files.push({ model: name, file: f });
            else missing.push(name);
          }
        }
        if (!cancelled) setCurves({ curves: found, files, missing, error: null, loading: false });
      } catch (e) {
        if (!cancelled) setCurves({ curves: [], files: [], missing: [], error: (e as Error).message, loading: false });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  const results: EvalResult[] = useMemo(() => evaluation.data?.results ?? [], [evaluation.data]);
  const sizes = useMemo(() => evalSizes(results), [results]);
  const policies = useMemo(() => evalPolicies(results), [results]);
  const shownSize = size ?? sizes[0] ?? null;
  const rewardTraces = useMemo(() => rewardBarTraces(results), [results]);
  const rewardScaling = useMemo(() => scalingTraces(results, "mean_reward"), [results]);
  const deadlineScaling = useMemo(() => scalingTraces(results, "deadline_met_rate"), [results]);
  const latencyScaling = useMemo(() => scalingTraces(results, "mean_latency_ms"), [results]);
  const table = useMemo(() => (shownSize === null ? [] : evalTable(results, shownSize)), [results, shownSize]);
  // Same colour per policy as the evaluation charts.
  const curveTraces = useMemo(() => {
    const names = [...policies.map((p) => p.policy), ...curves.curves.map((c) => c.model).filter((m) => !policies.some((p) => p.policy === m))];
    return trainingCurveTraces(curves.curves, colorMap(names));
  }, [curves.curves, policies]);
  const statRows = useMemo(() => normalizeStats(stats.data).filter((r) => r.p50 !== null), [stats.data]);
  const statTraces = useMemo(() => latencyPercentileTraces(statRows), [statRows]);
  const sizeAxis = { title: { text: "nodes" }, tickvals: sizes, type: "log" as const, gridcolor: "#e2e8f0" };
  const policyColors = useMemo(() => colorMap(policies.map((p) => p.policy)), [policies]);
  const smallChart = { showlegend: false, margin: { l: 56, r: 16, t: 10, b: 48 } };

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Analytics</h1>
          <p>
            How the learned policies compare with the baselines on held-out episodes (GET /evaluation, models/reports/eval.json), how
            they scale with network size, how they trained, and how fast the API serves them.
          </p>
        </div>
        {evaluation.data && (
          <div className="row small muted" data-testid="eval-meta">
            <span className="badge">{evaluation.data.episodes} episodes per point</span>
            <span className="badge">seed {evaluation.data.seed}</span>
            <span className="badge">{policies.length} policies</span>
            <span className="badge">sizes {sizes.join(", ")}</span>
          </div>
        )}
      </div>

      <ErrorNotice error={evaluation.error} title="Could not load the evaluation" />

      <section className="card" style={{ marginBottom: 16 }}>
        <div className="card-header">
          <div>
            <h2>Mean episode reward by policy</h2>
            <p>Bars: mean over the evaluation episodes; error bars: ±1 standard deviation. Learned policies first, then baselines.</p>
          </div>
        </div>
        {results.length ? (
          <Plot
            data={rewardTraces}
            height={360}
            ariaLabel="Mean reward with standard deviation per policy and network size"
            testId="reward-chart"
            layout={{ barmode: "group", yaxis: { title: { text: "mean episode reward" }, gridcolor: "#e2e8f0", zerolinecolor: "#94a3b8" }, legend: { orientation: "h", y: 1.12, x: 0 }, margin: { l: 60, r: 16, t: 36, b: 60 } }}
          />
        ) : (
          <div className="empty">{evaluation.loading ? "Loading evaluation…" : "No evaluation results."}</div>
        )}
      </section>

      {results.length > 0 && (
        <>
          <div className="legend card" style={{ marginBottom: 12, marginTop: 0 }} data-testid="policy-legend">
            <strong style={{ marginRight: 4 }}>Policies</strong>
            {policies.map((p) => (
              <span key={p.policy}>
                <span
                  className="swatch"
                  style={
                    p.kind === "learned"
                      ? { background: policyColors.get(p.policy) }
                      : { background: "transparent", border: `2px dotted ${policyColors.get(p.policy)}` }
                  }
                />
                {p.policy}
              </span>
            ))}
            <span className="muted">solid: learned · dotted: baseline</span>
          </div>
          <div className="grid three" style={{ marginBottom: 16 }}>
            <section className="card">
              <div className="card-header">
                <div>
                  <h2>Reward vs. network size</h2>
                  <p>±1 std error bars; dotted: baselines.</p>
                </div>
              </div>
              <Plot data={rewardScaling} height={280} ariaLabel="Reward by network size" testId="scaling-reward-chart" layout={{ ...smallChart, xaxis: sizeAxis, yaxis: { title: { text: "mean reward" }, gridcolor: "#e2e8f0" } }} />
            </section>
            <section className="card">
              <div className="card-header">
                <div>
                  <h2>Deadline-met rate</h2>
                  <p>Share of tasks finished before their deadline.</p>
                </div>
              </div>
              <Plot data={deadlineScaling} height={280} ariaLabel="Deadline-met rate by network size" testId="scaling-deadline-chart" layout={{ ...smallChart, xaxis: sizeAxis, yaxis: { title: { text: "rate" }, tickformat: ".0%", gridcolor: "#e2e8f0" } }} />
            </section>
            <section className="card">
              <div className="card-header">
                <div>
                  <h2>Mean task latency</h2>
                  <p>Transmission, queueing and processing, in ms.</p>
                </div>
              </div>
              <Plot data={latencyScaling} height={280} ariaLabel="Mean latency by network size" testId="scaling-latency-chart" layout={{ ...smallChart, xaxis: sizeAxis, yaxis: { title: { text: "ms" }, gridcolor: "#e2e8f0" } }} />
            </section>
          </div>

          <section className="card flush" style={{ marginBottom: 16 }}>
            <div className="card-header">
              <div>
                <h2>Results at {shownSize} nodes</h2>
                <p>Ranked by mean reward.</p>
              </div>
              <div className="segmented" role="tablist" aria-label="Network size">
                {sizes.map((s) => (
                  <button key={s} role="tab" aria-selected={s === shownSize} className={s === shownSize ? "on" : ""} onClick={() => setSize(s)}>
                    {s}
                  </button>
                ))}
              </div>
            </div>
            <div className="table-wrap">
              <table className="data" data-testid="eval-table">
                <thead>
                  <tr>
                    <th className="num">#</th>
                    <th>Policy</th>
                    <th>Kind</th>
                    <th className="num">Mean reward</th>
                    <th className="num">Std</th>
                    <th className="num">Deadline met</th>
                    <th className="num">Mean latency</th>
                  </tr>
                </thead>
                <tbody>
                  {table.map((r) => (
                    <tr key={r.policy} className={r.best ? "highlight" : undefined}>
                      <td className="num">{r.rank}</td>
                      <td>
                        <strong>{r.policy}</strong>
                      </td>
                      <td>
                        <span className={`badge ${r.kind === "learned" ? "accent" : ""}`}>{r.kind}</span>
                      </td>
                      <td className="num">{formatNumber(r.mean_reward, 3)}</td>
                      <td className="num">{formatNumber(r.std_reward, 3)}</td>
                      <td className="num">{formatPct(r.deadline_met_rate, 1)}</td>
                      <td className="num">{formatMs(r.mean_latency_ms, 1)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}

      <div className="grid two">
        <section className="card">
          <div className="card-header">
            <div>
              <h2>Training curves</h2>
              <p>From each model&apos;s manifest (GET /models/&#123;name&#125;).</p>
            </div>
          </div>
          {curves.error && <div className="error-box">Could not read the manifests: {curves.error}</div>}
          {curveTraces.length > 0 ? (
            <Plot
              data={curveTraces}
              height={320}
              ariaLabel="Training curves"
              testId="training-chart"
              layout={{
                xaxis: { title: { text: curves.curves[0]?.xLabel ?? "step" }, gridcolor: "#e2e8f0" },
                yaxis: { title: { text: curves.curves[0]?.yLabel ?? "return" }, gridcolor: "#e2e8f0" },
              }}
            />
          ) : (
            <div className="empty">{curves.loading ? "Loading manifests…" : "No manifest carries an inline training curve."}</div>
          )}
          {(curves.files.length > 0 || curves.missing.length > 0) && (
            <p className="small muted">
              {curves.files.map((f) => `${f.model}: curve in ${f.file}`).join("; ")}
              {curves.missing.length > 0 && ` No training curve in the manifest of ${curves.missing.join(", ")}.`}
            </p>
          )}
        </section>
        <section className="card">
          <div className="card-header">
            <div>
              <h2>Live inference latency</h2>
              <p>p50 / p95 / p99 per model from GET /stats, refreshed every 5 s.</p>
            </div>
          </div>
          <ErrorNotice error={stats.error} title="Could not read /stats" />
          {statRows.length > 0 ? (
            <Plot data={statTraces} height={320} ariaLabel="Live latency percentiles per model" testId="live-latency-chart" layout={{ barmode: "group", yaxis: { title: { text: "ms" }, gridcolor: "#e2e8f0" } }} />
          ) : (
            <div className="empty">{stats.loading ? "Loading…" : "No predictions served yet."}</div>
          )}
        </section>
      </div>
    </>
  );
}
