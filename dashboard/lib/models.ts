// The exported manifest inside a GET /models/{name} body (`manifest`): the JSON that
// models/pipeline/manifest.py writes next to each .onnx file. The API passes it on as an open
// record, so this is the one response part whose shape is written here; fields the exporter
// always writes may still be absent from a hand-made manifest, so every one is optional.
import type { CurvePoint, TrainingCurve } from "./charts";
import type { EvalRow, ModelDetail } from "./types";

export interface ManifestFeature {
  index: number;
  name: string;
  unit: string;
  derivation: string;
}

export interface TensorSpec {
  name: string;
  shape: (number | string)[];
  dtype: string;
  description?: string;
}

export interface ExportedManifest {
  name?: string;
  version?: string;
  algorithm?: string;
  architecture?: { summary?: string; hidden?: number; parameters?: number; size_invariant?: boolean; padding?: string };
  onnx?: { file?: string; opset?: number; sha256?: string };
  features?: ManifestFeature[];
  edge_features?: ManifestFeature[];
  inputs?: TensorSpec[];
  outputs?: TensorSpec[];
  selection?: string;
  training?: {
    seed?: number;
    steps?: number;
    steps_unit?: string;
    wall_time_s?: number;
    hyperparameters?: Record<string, unknown>;
    torch?: string;
    python?: string;
    /** one point per training checkpoint: environment steps and the mean episode return then */
    curve?: { step: number; episode_return: number }[];
    /** the candidate training seeds and the one validation chose (models/pipeline/selection.py) */
    seed_selection?: { seeds: number[]; chosen: number; file: string };
  };
  evaluation?: { file?: string; seed?: number; episodes?: number; results?: EvalRow[] };
  regenerate?: string;
}

/** The manifest a /models/{name} body carries. */
export function exportedManifest(detail: Pick<ModelDetail, "manifest">): ExportedManifest {
  return detail.manifest as ExportedManifest;
}

/** The rows of a manifest's `evaluation` block (GET /models passes it per model as an open record too). */
export function evaluationRows(evaluation: ExportedManifest["evaluation"] | Record<string, unknown> | undefined): EvalRow[] {
  return (evaluation as ExportedManifest["evaluation"])?.results ?? [];
}

/** "seed selection" for the Training rows: which candidate seed validation published, and where the evidence is. */
export function seedSelectionRow(training: ExportedManifest["training"]): [string, string] | null {
  const sel = training?.seed_selection;
  if (!sel) return null;
  return ["seed selection", `seed ${sel.chosen} of ${sel.seeds.join(", ")}, chosen on validation networks (models/${sel.file})`];
}

/** The training curve of a manifest (x = environment steps, y = mean episode return), if it has one. */
export function trainingCurve(model: string, manifest: ExportedManifest): TrainingCurve | null {
  const points: CurvePoint[] = (manifest.training?.curve ?? [])
    .filter((p) => Number.isFinite(p.step) && Number.isFinite(p.episode_return))
    .map((p) => ({ step: p.step, value: p.episode_return }));
  return points.length ? { model, xLabel: "step", yLabel: "episode_return", points } : null;
}

/** Scalar facts of a manifest section as [key, text] rows (nested values are left out). */
export function scalarRows(section: object | undefined, skip: readonly string[] = []): [string, string][] {
  if (!section) return [];
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
