"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { api } from "../lib/client";
import { formatCount, formatMs, formatPct, formatUptime } from "../lib/format";
import { healthLoadedModels, healthUptime, normalizeModels } from "../lib/models";
import { normalizeStats, routeStats, statsTotals } from "../lib/stats";
import { latencyPercentileTraces } from "../lib/charts";
import { useApiStatus } from "./ApiStatus";
import { usePolling } from "./usePolling";
import { Kpi } from "./Kpi";
import { Plot } from "./Plot";
import { ErrorNotice } from "./ErrorNotice";

const STATS_MS = 5_000;

export function OverviewView() {
  const status = useApiStatus();
  const [live, setLive] = useState(true);
  const stats = usePolling(api.stats, live ? STATS_MS : 0);
  const models = usePolling(api.models, live ? 15_000 : 0);
  const ready = usePolling(async () => {
    try {
      return await api.ready();
    } catch (e) {
      // 503 = not ready yet: a state to show, not an error.
      const err = e as { status?: number; message: string };
      if (err.status === 503) return { data: { ready: false, message: err.message }, status: 503, request: { method: "GET", path: "/ready" }, upstream: null };
      throw e;
    }
  }, live ? STATS_MS : 0);

  const rows = useMemo(() => normalizeStats(stats.data), [stats.data]);
  const routes = useMemo(() => routeStats(stats.data), [stats.data]);
  const totals = statsTotals(rows);
  const modelList = useMemo(() => normalizeModels(models.data), [models.data]);
  const loaded = healthLoadedModels(status.health);
  const uptime = healthUptime(status.health);
  const isReady = ready.data ? (ready.data as { ready?: unknown }).ready !== false && ready.data !== null : null;
  const traces = useMemo(() => latencyPercentileTraces(rows.filter((r) => r.p50 !== null)), [rows]);
  const hasLatency = rows.some((r) => r.p50 !== null);
  const down = status.state === "down";

  return (
    <>
      <div className="page-header">
        <div>
          <h1>Overview</h1>
          <p>Health of the inference API, the models it serves and live request statistics per model.</p>
        </div>
        <div className="row">
          <span className="small muted" data-testid="stats-updated">
            {stats.updatedAt ? `updated ${new Date(stats.updatedAt).toLocaleTimeString()}` : "waiting for data"}
            {live ? ` · every ${STATS_MS / 1000} s` : " · paused"}
          </span>
          <button className="small" onClick={() => setLive((v) => !v)} aria-pressed={!live}>
            {live ? "Pause" : "Resume"}
          </button>
          <button className="small" onClick={() => { stats.reload(); models.reload(); ready.reload(); status.refresh(); }}>
            Refresh
          </button>
        </div>
      </div>

      <div className="grid kpis" style={{ marginBottom: 16 }}>
        <Kpi
          label="API status"
          testId="kpi-status"
          value={
            <span className="row" style={{ gap: 8 }}>
              <span className={`dot ${status.state === "up" ? "ok" : status.state === "down" ? "bad" : "warn"}`} />
              {status.state === "up" ? String(status.health?.status ?? "ok") : status.state === "down" ? "down" : status.state}
            </span>
          }
          sub={isReady === null ? "readiness unknown" : isReady ? "ready: models loaded" : "not ready: loading models"}
        />
        <Kpi label="Version" value={status.health?.version ?? "—"} sub={status.upstream ?? undefined} />
        <Kpi label="Uptime" value={formatUptime(uptime)} />
        <Kpi label="Models loaded" value={status.health ? `${loaded.length}${modelList.length ? ` / ${modelList.length}` : ""}` : "—"} sub={loaded.join(", ") || undefined} />
        <Kpi label="Model requests" value={stats.data ? formatCount(totals.requests) : "—"} sub={stats.data ? `${formatCount(totals.errors)} errors` : undefined} />
        <Kpi label="Error rate" value={stats.data ? formatPct(totals.errorRate, 2) : "—"} />
      </div>

      <div className="grid two" style={{ marginBottom: 16 }}>
        <section className="card flush">
          <div className="card-header">
            <div>
              <h2>Models</h2>
              <p>From GET /models. Details and reload on the <Link href="/models">Models</Link> page.</p>
            </div>
          </div>
          <ErrorNotice error={models.error} title="Could not list models" />
          <div className="table-wrap">
            <table className="data" data-testid="models-table">
              <thead>
                <tr>
                  <th>Model</th>
                  <th>Version</th>
                  <th>Algorithm</th>
                  <th>Status</th>
                </tr>
              </thead>
              <tbody>
                {modelList.map((m) => {
                  const isLoaded = m.loaded ?? loaded.includes(m.name);
                  return (
                    <tr key={m.name}>
                      <td><strong>{m.name}</strong></td>
                      <td className="mono">{m.version ?? "—"}</td>
                      <td className="wrap small" style={{ minWidth: 160 }}>
                        <span className="clamp" title={m.algorithm ?? undefined}>
                          {m.algorithm ?? "—"}
                        </span>
                      </td>
                      <td>
                        <span
                          className={`badge ${isLoaded ? "ok" : m.status === "failed" ? "bad" : "warn"}`}
                          title={typeof m.last_error === "string" ? m.last_error : undefined}
                        >
                          {isLoaded ? "loaded" : typeof m.status === "string" ? m.status : "not loaded"}
                        </span>
                      </td>
                    </tr>
                  );
                })}
                {!modelList.length && (
                  <tr>
                    <td colSpan={4} className="muted">{models.loading ? "Loading…" : down ? "Waiting for the API…" : "No models reported."}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </div>
        </section>

        <section className="card">
          <div className="card-header">
            <div>
              <h2>Inference latency per model</h2>
              <p>p50 / p95 / p99 over the most recent requests (GET /stats).</p>
            </div>
          </div>
          {hasLatency ? (
            <Plot
              data={traces}
              height={240}
              ariaLabel="Latency percentiles per model"
              testId="overview-latency-chart"
              layout={{ barmode: "group", yaxis: { title: { text: "ms" }, gridcolor: "#e2e8f0" }, margin: { l: 50, r: 10, t: 10, b: 40 } }}
            />
          ) : (
            <div className="empty">
              {down ? (
                "Waiting for the API…"
              ) : (
                <>
                  No predictions served yet. Run one on the <Link href="/predict">Predict</Link> page.
                </>
              )}
            </div>
          )}
        </section>
      </div>

      <section className="card flush" style={{ marginBottom: 16 }}>
        <div className="card-header">
          <div>
            <h2>Live request statistics</h2>
            <p>Per model, refreshed every {STATS_MS / 1000} s from GET /stats. Latency is the inference time measured by the API.</p>
          </div>
        </div>
        <ErrorNotice error={stats.error} title="Could not read /stats" />
        <div className="table-wrap">
          <table className="data" data-testid="stats-table">
            <thead>
              <tr>
                <th>Model</th>
                <th className="num">Requests</th>
                <th className="num">Networks</th>
                <th className="num">Errors</th>
                <th className="num">Error rate</th>
                <th className="num">Mean</th>
                <th className="num">p50</th>
                <th className="num">p95</th>
                <th className="num">p99</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.model}>
                  <td><strong>{r.model}</strong></td>
                  <td className="num">{formatCount(r.requests)}</td>
                  <td className="num">{formatCount(r.predictions)}</td>
                  <td className="num">{formatCount(r.errors)}</td>
                  <td className="num">{formatPct(r.errorRate, 2)}</td>
                  <td className="num">{formatMs(r.mean, 3)}</td>
                  <td className="num">{formatMs(r.p50, 3)}</td>
                  <td className="num">{formatMs(r.p95, 3)}</td>
                  <td className="num">{formatMs(r.p99, 3)}</td>
                </tr>
              ))}
              {!rows.length && (
                <tr>
                  <td colSpan={9} className="muted">
                    {stats.loading ? "Loading…" : down ? "Waiting for the API…" : "No model has served a request since the API started."}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </div>
      </section>

      {routes.length > 0 && (
        <section className="card flush">
          <div className="card-header">
            <div>
              <h2>Requests by route</h2>
              <p>Every HTTP request the API has answered since it started, by route.</p>
            </div>
          </div>
          <div className="table-wrap">
            <table className="data" data-testid="routes-table">
              <thead>
                <tr>
                  <th>Route</th>
                  <th className="num">Requests</th>
                  <th className="num">Errors (4xx/5xx)</th>
                </tr>
              </thead>
              <tbody>
                {routes.map((r) => (
                  <tr key={r.route}>
                    <td className="mono">{r.route}</td>
                    <td className="num">{formatCount(r.requests)}</td>
                    <td className="num">{formatCount(r.errors)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </>
  );
}
