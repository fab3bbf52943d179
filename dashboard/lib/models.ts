// Shaping of /health, /models and /models/{name} (manifests) for display. The manifest inside a
// /models/{name} body is the exported JSON as-is (typed unknown by the API), so it is read defensively.
import type { HealthResponse, ModelListResponse, ModelSummary } from "./types";
import type { CurvePoint, TrainingCurve } from "./charts";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" && v.length > 0 ? v : null);

/** Uptime in seconds from a /health body. */
export function healthUptime(h: Pick<HealthResponse, "uptime_seconds"> | null | undefined): number | null {
  return h && Number.isFinite(h.uptime_seconds) ? h.uptime_seconds : null;
}

/** Names of the models /health says are loaded. */
export function healthLoadedModels(h: Pick<HealthResponse, "loaded_models"> | null | undefined): string[] {
  return h?.loaded_models ?? [];
}

/** Model list from a /models body (empty before it arrives). */
export function normalizeModels(raw: Pick<ModelListResponse, "models"> | null | undefined): ModelSummary[] {
  return raw?.models ?? [];
}

export interface FeatureRow {
  index: number;
  name: string;
  unit: string | null;
  description: string | null;
}

/**
 * Ordered feature list of a manifest (strings or {name, unit, description|derivation}): the node
 * features (`features`, the columns of x) or, with key "edge_features", the link features.
 */
export function manifestFeatures(manifest: unknown, key: "features" | "edge_features" = "features"): FeatureRow[] {
  let raw: unknown;
  for (const c of manifestContainers(manifest)) {
    raw = c[key] ?? (isObj(c.input) ? c.input[key] : undefined);
    if (Array.isArray(raw)) break;
  }
  if (!Array.isArray(raw)) return [];
  return raw.map((f, index) => {
    if (typeof f === "string") return { index, name: f, unit: null, description: null };
    const o = isObj(f) ? f : {};
    return {
      index,
      name: str(o.name) ?? `feature ${index}`,
      unit: str(o.unit) ?? str(o.units),
      description: str(o.description) ?? str(o.derivation) ?? str(o.derived_from) ?? str(o.source) ?? str(o.how),
    };
  });
}

const X_KEYS = ["step", "steps", "global_step", "timestep", "timesteps", "env_steps", "update", "iteration", "episode", "x"];
const Y_KEYS = [
  "episode_return",
  "mean_return",
  "return",
  "returns",
  "mean_episode_return",
  "episode_reward",
  "mean_reward",
  "reward",
  "rewards",
  "eval_return",
  "y",
];

function pickKey(o: Obj, keys: string[], arrays: boolean): string | null {
  for (const k of keys) {
    const v = o[k];
    if (arrays ? Array.isArray(v) : num(v) !== null) return k;
  }
  return null;
}

/** The first numeric key that is not the x key, used when no known y key is present. */
function fallbackY(o: Obj, xKey: string | null, arrays: boolean): string | null {
  for (const [k, v] of Object.entries(o)) {
    if (k === xKey) continue;
    if (arrays ? Array.isArray(v) && v.every((e) => num(e) !== null) : num(v) !== null) return k;
  }
  return null;
}

function curveFrom(value: unknown): { points: CurvePoint[]; xLabel: string; yLabel: string } | null {
  if (Array.isArray(value) && value.length > 0) {
    if (value.every((p) => Array.isArray(p) && p.length >= 2)) {
      const points = (value as unknown[][])
        .map((p) => ({ step: num(p[0]), value: num(p[1]) }))
        .filter((p): p is CurvePoint => p.step !== null && p.value !== null);
      return points.length ? { points, xLabel: "step", yLabel: "value" } : null;
    }
    if (value.every((p) => num(p) !== null)) {
      return { points: (value as number[]).map((v, i) => ({ step: i, value: v })), xLabel: "index", yLabel: "value" };
    }
    const first = value.find(isObj);
    if (!first) return null;
    const xKey = pickKey(first, X_KEYS, false);
    const yKey = pickKey(first, Y_KEYS, false) ?? fallbackY(first, xKey, false);
    if (!yKey) return null;
    const points = value
      .filter(isObj)
      .map((p, i) => ({ step: xKey ? num(p[xKey]) : i, value: num(p[yKey]) }))
      .filter((p): p is CurvePoint => p.step !== null && p.value !== null);
    return points.length ? { points, xLabel: xKey ?? "index", yLabel: yKey } : null;
  }
  if (isObj(value)) {
    const xKey = pickKey(value, X_KEYS, true);
    const yKey = pickKey(value, Y_KEYS, true) ?? fallbackY(value, xKey, true);
    if (yKey) {
      const ys = value[yKey] as unknown[];
      const xs = xKey ? (value[xKey] as unknown[]) : ys.map((_, i) => i);
      const points = ys
        .map((y, i) => ({ step: num(xs[i]), value: num(y) }))
        .filter((p): p is CurvePoint => p.step !== null && p.value !== null);
      if (points.length) return { points, xLabel: xKey ?? "index", yLabel: yKey };
    }
    // {points: [...]} or {data: [...]}
    for (const k of ["points", "data", "history", "curve", "values"]) {
      if (value[k] !== undefined) {
        const c = curveFrom(value[k]);
        if (c) return c;
      }
    }
  }
  return null;
}

const CURVE_KEYS = ["training_curve", "train_curve", "curve", "learning_curve", "history", "returns"];

/**
 * The objects a manifest's facts may sit in: a /models/{name} body, the full manifest it carries
 * (`manifest`), and their training sections.
 */
export function manifestContainers(detail: unknown): Obj[] {
  if (!isObj(detail)) return [];
  const out: Obj[] = [detail];
  if (isObj(detail.manifest)) out.push(detail.manifest);
  for (const base of [...out]) {
    for (const k of ["training", "train", "training_info"]) if (isObj(base[k])) out.push(base[k] as Obj);
  }
  return out;
}

/** Find a training curve in a manifest (top level, under `manifest`, or under training). */
export function extractTrainingCurve(model: string, manifest: unknown): TrainingCurve | null {
  const containers = manifestContainers(manifest);
  for (const c of containers) {
    for (const k of CURVE_KEYS) {
      if (c[k] === undefined) continue;
      const curve = curveFrom(c[k]);
      if (curve) return { model, ...curve };
    }
  }
  return null;
}

/** Where a manifest says its training curve lives when it is a file, not inline data. */
export function trainingCurveFile(manifest: unknown): string | null {
  for (const c of manifestContainers(manifest)) {
    for (const k of [...CURVE_KEYS, "training_curve_file", "curve_file", "curve_path"]) {
      if (typeof c[k] === "string") return c[k] as string;
      if (isObj(c[k]) && typeof (c[k] as Obj).file === "string") return (c[k] as Obj).file as string;
    }
  }
  return null;
}

/** Scalar facts of a manifest section as [key, text] rows (nested values become JSON). */
export function scalarRows(section: unknown, skip: readonly string[] = []): [string, string][] {
  if (!isObj(section)) return [];
  const rows: [string, string][] = [];
  for (const [k, v] of Object.entries(section)) {
    if (skip.includes(k) || v === null || v === undefined) continue;
    if (typeof v === "string") rows.push([k, v]);
    else if (typeof v === "number") rows.push([k, Number.isInteger(v) ? v.toLocaleString("en-US") : String(+v.toPrecision(6))]);
    else if (typeof v === "boolean") rows.push([k, v ? "yes" : "no"]);
    else if (Array.isArray(v) && v.length > 0 && v.length <= 8 && v.every((e) => typeof e !== "object" || e === null)) rows.push([k, v.join(" × ")]);
  }
  return rows;
}

/** A string field by any of several names, from the object or the manifest it carries. */
export function field(o: unknown, ...keys: string[]): string | null {
  for (const c of isObj(o) ? [o, ...(isObj(o.manifest) ? [o.manifest] : [])] : []) {
    for (const k of keys) {
      const v = c[k];
      if (typeof v === "string" && v) return v;
      if (typeof v === "number") return String(v);
    }
  }
  return null;
}

/** Nested object at one of several keys, from the object or the manifest it carries. */
export function section(o: unknown, ...keys: string[]): Obj | null {
  for (const c of isObj(o) ? [o, ...(isObj(o.manifest) ? [o.manifest] : [])] : []) {
    for (const k of keys) if (isObj(c[k])) return c[k] as Obj;
  }
  return null;
}

/** Default model named by GET /models, if any. */
export function defaultModel(raw: Pick<ModelListResponse, "default_model"> | null | undefined): string | null {
  return raw?.default_model || null;
}
