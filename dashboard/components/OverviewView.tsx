"use client";
import Link from "next/link";
import { useMemo, useState } from "react";
import { api } from "../lib/client";
import { formatCount, formatMs, formatPct, formatUptime } from "../lib/format";
import { READY_ROUTE, routeRows, statsRows, statsTotals } from "../lib/stats";
import { latencyPercentileTraces } from "../lib/charts";
import { useApiStatus } from "./ApiStatus";
import { usePolling } from "./usePolling";
import { Kpi } from "./Kpi";
import { Plot } from "./Plot";
import { ErrorNotice } from "./ErrorNotice";
import { Card } from "./Card";

const STATS_MS = 5_000;

export function OverviewView() {
  const status = useApiStatus();
  const [live, setLive] = useState(true);
  const stats = usePolling(api.stats, live ? STATS_MS : 0);
  const models = usePolling(api.models, live ? 15_000 : 0);
  const ready = usePolling(api.ready, live ? STATS_MS : 0);

  const rows = useMemo(() => statsRows(stats.data), [stats.data]);
  const routes = useMemo(() => routeRows(stats.data), [stats.data]);
  const totals = statsTotals(rows);
  const modelList = models.data?.models ?? [];
  const loaded = status.health?.loaded_models ?? [];
  const uptime = status.health?.uptime_seconds ?? null;
  const isReady = ready.data?.ready ?? null;
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
              {status.health && status.state !== "down" ? status.health.status : status.state}
            </span>
          }
          sub={isReady === null ? "readiness unknown" : isReady ? "ready: models loaded" : `not ready: ${ready.data?.message}`}
        />
        <Kpi label="Version" value={status.health?.version ?? "—"} sub={status.upstream ?? undefined} />
        <Kpi label="Uptime" value={formatUptime(uptime)} />
        <Kpi label="Models loaded" value={status.health ? `${loaded.length}${modelList.length ? ` / ${modelList.length}` : ""}` : "—"} sub={loaded.join(", ") || undefined} />
        <Kpi label="Model requests" value={stats.data ? formatCount(totals.requests) : "—"} sub={stats.data ? `${formatCount(totals.errors)} errors` : undefined} />
        <Kpi label="Error rate" value={stats.data ? formatPct(totals.errorRate, 2) : "—"} />
      </div>

      <div className="grid two" style={{ marginBottom: 16 }}>
        <Card flush title="Models" description={<>From GET /models. Details and reload on the <Link href="/models">Models</Link> page.</>}>
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
                  const isLoaded = m.loaded;
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
                          title={m.last_error}
                        >
                          {m.status}
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
        </Card>

        <Card title="Inference latency per model" description="p50 / p95 / p99 over the most recent requests (GET /stats).">
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
        </Card>
      </div>

      <Card
        flush
        style={{ marginBottom: 16 }}
        title="Live request statistics"
        description={`Per model, refreshed every ${STATS_MS / 1000} s from GET /stats. Latency is the inference time measured by the API.`}
      >
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
      </Card>

      {routes.length > 0 && (
        <Card
          flush
          title="Requests by route"
          description={`Every HTTP request the API has answered since it started, by route. ${READY_ROUTE} answers 503 until a model is loaded: those are counted as not ready, not as errors.`}
        >
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
                    <td className="num">
                      {formatCount(r.errors)}
                      {r.notReady > 0 && <span className="small muted"> ({formatCount(r.notReady)} not ready)</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
      )}
    </>
  );
}
