// Shapes GET /stats (per model: requests, errors, latency percentiles) into table rows.
// Accepts the per-model entries as an object keyed by model name or as an array, with the
// percentiles either flat (p50, p50_ms) or nested (latency_ms: {p50, ...}).
import type { StatsRow } from "./types";

type Obj = Record<string, unknown>;

const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function num(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function pick(o: Obj, keys: string[]): number | null {
  for (const k of keys) {
    const v = num(o[k]);
    if (v !== null) return v;
  }
  return null;
}

const NESTED = ["latency_ms", "latency", "percentiles", "inference_ms", "inference_latency_ms"];

function percentileLike(entry: Obj, keys: string[]): number | null {
  const flat = pick(entry, [...keys, ...keys.map((k) => `latency_${k}`)]);
  if (flat !== null) return flat;
  for (const k of NESTED) {
    const nested = entry[k];
    if (isObj(nested)) {
      const v = pick(nested, keys);
      if (v !== null) return v;
    }
  }
  return null;
}

function percentile(entry: Obj, p: "p50" | "p95" | "p99"): number | null {
  return percentileLike(entry, [p, `${p}_ms`]);
}

/** Number of latency samples behind the percentiles, when the API says. */
function samples(entry: Obj): number | null {
  for (const k of NESTED) {
    const nested = entry[k];
    if (isObj(nested)) {
      const v = pick(nested, ["count", "samples", "n"]);
      if (v !== null) return v;
    }
  }
  return null;
}

function toRow(model: string, entry: Obj): StatsRow {
  const requests = pick(entry, ["requests", "count", "total", "requests_total"]) ?? 0;
  const errors = pick(entry, ["errors", "error_count", "errors_total", "failures"]) ?? 0;
  // No latency samples yet: percentiles are unknown, not zero.
  if (samples(entry) === 0) {
    return { model, requests, errors, errorRate: requests > 0 ? errors / requests : 0, predictions: pick(entry, ["predictions"]), mean: null, p50: null, p95: null, p99: null };
  }
  return {
    model,
    requests,
    errors,
    errorRate: requests > 0 ? errors / requests : 0,
    predictions: pick(entry, ["predictions", "networks", "predictions_total"]),
    mean: percentileLike(entry, ["mean", "mean_ms", "avg_ms"]),
    p50: percentile(entry, "p50"),
    p95: percentile(entry, "p95"),
    p99: percentile(entry, "p99"),
  };
}

function looksLikeEntry(v: unknown): v is Obj {
  return isObj(v) && ("requests" in v || "count" in v || "errors" in v);
}

/** Per-model rows from a /stats body, sorted by model name. */
export function normalizeStats(raw: unknown): StatsRow[] {
  if (!isObj(raw) && !Array.isArray(raw)) return [];
  let container: unknown = raw;
  if (isObj(raw)) {
    for (const k of ["models", "per_model", "by_model", "stats"]) {
      if (raw[k] !== undefined && (isObj(raw[k]) || Array.isArray(raw[k]))) {
        container = raw[k];
        break;
      }
    }
  }
  const rows: StatsRow[] = [];
  if (Array.isArray(container)) {
    for (const e of container) {
      if (!isObj(e)) continue;
      const name = e.model ?? e.name ?? e.model_name;
      if (typeof name !== "string") continue;
      rows.push(toRow(name, e));
    }
  } else if (isObj(container)) {
    for (const [name, e] of Object.entries(container)) {
      if (looksLikeEntry(e)) rows.push(toRow(name, e));
    }
  }
  return rows.sort((a, b) => a.model.localeCompare(b.model));
}

/** Totals across models (the overview's headline numbers). */
export function statsTotals(rows: readonly StatsRow[]): { requests: number; errors: number; errorRate: number } {
  const requests = rows.reduce((a, r) => a + r.requests, 0);
  const errors = rows.reduce((a, r) => a + r.errors, 0);
  return { requests, errors, errorRate: requests > 0 ? errors / requests : 0 };
}

export interface RouteRow {
  route: string;
  requests: number;
  errors: number;
}

/** Per-route request counts from /stats (`routes: {"POST /predict": {requests, errors}}`). */
export function routeStats(raw: unknown): RouteRow[] {
  if (!isObj(raw) || !isObj(raw.routes)) return [];
  return Object.entries(raw.routes)
    .filter((e): e is [string, Obj] => isObj(e[1]))
    .map(([route, r]) => ({ route, requests: pick(r, ["requests", "count"]) ?? 0, errors: pick(r, ["errors"]) ?? 0 }))
    .sort((a, b) => b.requests - a.requests || a.route.localeCompare(b.route));
}

/** Uptime in seconds reported by /stats, if any. */
export function statsUptime(raw: unknown): number | null {
  if (!isObj(raw)) return null;
  return num(raw.uptime_s) ?? num(raw.uptime_seconds) ?? null;
}
