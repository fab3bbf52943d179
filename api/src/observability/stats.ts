/**
 * Per-model request statistics for GET /stats: counts, errors and latency percentiles over a
 * fixed-size ring buffer of the most recent inference latencies (no allocation per request).
 */

export interface LatencySummary {
  count: number;
  mean_ms: number;
  p50_ms: number;
  p95_ms: number;
  p99_ms: number;
  max_ms: number;
}

export interface ModelStats {
  requests: number;
  errors: number;
  predictions: number;
  latency: LatencySummary;
}

export class LatencyWindow {
  private readonly buf: Float64Array;
  private n = 0;
  private next = 0;

  constructor(public readonly capacity = 4096) {
    this.buf = new Float64Array(capacity);
  }

  record(ms: number): void {
    this.buf[this.next] = ms;
    this.next = (this.next + 1) % this.capacity;
    if (this.n < this.capacity) this.n++;
  }

  /** The latencies in the window (in no particular order). */
  values(): number[] {
    return Array.from(this.buf.subarray(0, this.n));
  }

  summary(): LatencySummary {
    return summarize(this.values());
  }
}

/** Nearest-rank percentiles of latencies: one window, or several workers' windows together. */
export function summarize(values: readonly number[]): LatencySummary {
  const n = values.length;
  if (n === 0) return { count: 0, mean_ms: 0, p50_ms: 0, p95_ms: 0, p99_ms: 0, max_ms: 0 };
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (let i = 0; i < n; i++) sum += sorted[i]!;
  const q = (p: number) => sorted[Math.min(n - 1, Math.max(0, Math.ceil(p * n) - 1))]!;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { count: n, mean_ms: r(sum / n), p50_ms: r(q(0.5)), p95_ms: r(q(0.95)), p99_ms: r(q(0.99)), max_ms: r(sorted[n - 1]!) };
}

class ModelCounter {
  requests = 0;
  errors = 0;
  predictions = 0;
  readonly latency = new LatencyWindow();
}

type RouteCounts = { requests: number; errors: number };

/** One process's counters and latency windows, as plain data (it crosses the cluster's IPC). */
export interface StatsState {
  startedAt: number;
  models: Record<string, { requests: number; errors: number; predictions: number; latencies: number[] }>;
  routes: Record<string, RouteCounts>;
}

export interface StatsSnapshot {
  uptime_s: number;
  total_requests: number;
  total_errors: number;
  models: Record<string, ModelStats>;
  routes: Record<string, RouteCounts>;
}

export class StatsCollector {
  private readonly models = new Map<string, ModelCounter>();
  private readonly routes = new Map<string, RouteCounts>();
  readonly startedAt = Date.now();

  private model(name: string): ModelCounter {
    let m = this.models.get(name);
    if (!m) {
      m = new ModelCounter();
      this.models.set(name, m);
    }
    return m;
  }

  /** One successful request that ran `predictions` networks through `model` in `ms`. */
  recordInference(model: string, ms: number, predictions: number): void {
    const m = this.model(model);
    m.requests++;
    m.predictions += predictions;
    m.latency.record(ms);
  }

  recordModelError(model: string): void {
    const m = this.model(model);
    m.requests++;
    m.errors++;
  }

  recordRequest(route: string, status: number): void {
    let r = this.routes.get(route);
    if (!r) {
      r = { requests: 0, errors: 0 };
      this.routes.set(route, r);
    }
    r.requests++;
    if (status >= 400) r.errors++;
  }

  exportState(): StatsState {
    const models: StatsState["models"] = {};
    for (const [name, m] of this.models) {
      models[name] = { requests: m.requests, errors: m.errors, predictions: m.predictions, latencies: m.latency.values() };
    }
    const routes: StatsState["routes"] = {};
    for (const [route, r] of this.routes) routes[route] = { ...r };
    return { startedAt: this.startedAt, models, routes };
  }

  snapshot(): StatsSnapshot {
    return mergeStats([this.exportState()]);
  }
}

/** The statistics of several processes (cluster workers) as one server's: sums, and percentiles over every window. */
export function mergeStats(states: readonly StatsState[]): StatsSnapshot {
  const models = new Map<string, { requests: number; errors: number; predictions: number; latencies: number[] }>();
  const routes = new Map<string, RouteCounts>();
  for (const st of states) {
    for (const [name, m] of Object.entries(st.models)) {
      const acc = models.get(name) ?? { requests: 0, errors: 0, predictions: 0, latencies: [] };
      acc.requests += m.requests;
      acc.errors += m.errors;
      acc.predictions += m.predictions;
      for (const v of m.latencies) acc.latencies.push(v);
      models.set(name, acc);
    }
    for (const [route, r] of Object.entries(st.routes)) {
      const acc = routes.get(route) ?? { requests: 0, errors: 0 };
      acc.requests += r.requests;
      acc.errors += r.errors;
      routes.set(route, acc);
    }
  }
  const byName = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b));
  const outModels: Record<string, ModelStats> = {};
  for (const [name, m] of byName(models)) {
    outModels[name] = { requests: m.requests, errors: m.errors, predictions: m.predictions, latency: summarize(m.latencies) };
  }
  const outRoutes: Record<string, RouteCounts> = {};
  let total = 0;
  let errors = 0;
  for (const [route, r] of byName(routes)) {
    outRoutes[route] = r;
    total += r.requests;
    errors += r.errors;
  }
  const startedAt = states.length > 0 ? Math.min(...states.map((s) => s.startedAt)) : Date.now();
  return { uptime_s: (Date.now() - startedAt) / 1000, total_requests: total, total_errors: errors, models: outModels, routes: outRoutes };
}
