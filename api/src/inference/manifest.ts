/**
 * models/onnx/<name>.json: the export contract's manifest (contract v2, docs/model-contract.md),
 * validated with zod. Only what the API relies on is required; everything else is kept and served
 * by GET /models/{name}.
 */
import { z } from "zod";
import * as spec from "../simulation/spec.js";

const FeatureSchema = z.union([
  z.string().transform((name) => ({ name })),
  z.looseObject({ name: z.string() }),
]);

const TensorSpecSchema = z.union([
  z.string().transform((name) => ({ name })),
  z.looseObject({ name: z.string() }),
]);

export const ManifestSchema = z.looseObject({
  name: z.string().min(1),
  version: z.union([z.string(), z.number()]).transform(String),
  algorithm: z.string().optional(),
  architecture: z.unknown().optional(),
  /** contract version; 2 is the one this API speaks (absent: judged by the feature lists alone) */
  contract: z.number().int().optional(),
  features: z.array(FeatureSchema).min(1),
  /** features of edge_attr (the route link into each node) */
  edge_features: z.array(FeatureSchema).optional(),
  /** sha256 of the .onnx file; either top-level or inside `onnx`/`file` blocks */
  sha256: z.string().regex(/^[0-9a-f]{64}$/i).optional(),
  onnx: z.union([z.string(), z.looseObject({ file: z.string().optional(), path: z.string().optional(), sha256: z.string().optional() })]).optional(),
  file: z.string().optional(),
  inputs: z.union([z.array(TensorSpecSchema), z.record(z.string(), z.unknown())]).optional(),
  outputs: z.union([z.array(TensorSpecSchema), z.record(z.string(), z.unknown())]).optional(),
});

export type Manifest = z.output<typeof ManifestSchema>;

/** The .onnx file name the manifest points at (default `<name>.onnx`). */
export function onnxFileOf(m: Manifest, fallback: string): string {
  if (typeof m.onnx === "string") return m.onnx;
  if (m.onnx && typeof m.onnx === "object") return m.onnx.file ?? m.onnx.path ?? fallback;
  return m.file ?? fallback;
}

export function sha256Of(m: Manifest): string | undefined {
  if (m.sha256) return m.sha256.toLowerCase();
  if (m.onnx && typeof m.onnx === "object" && m.onnx.sha256) return m.onnx.sha256.toLowerCase();
  return undefined;
}

export function featureNames(m: Manifest): string[] {
  return m.features.map((f) => f.name);
}

export const CONTRACT_VERSION = 2;

function sameList(names: readonly string[], expected: readonly string[]): boolean {
  return names.length === expected.length && names.every((n, i) => n === expected[i]);
}

/**
 * Throws unless the manifest is contract v2 with exactly the node features (x) and route-link
 * features (edge_attr) the TypeScript feature builder writes, in the same order.
 */
export function checkFeatures(m: Manifest): void {
  if (m.contract !== undefined && m.contract !== CONTRACT_VERSION) {
    throw new Error(`manifest is contract v${m.contract}; this API speaks contract v${CONTRACT_VERSION}`);
  }
  const names = featureNames(m);
  const expected = spec.NODE_FEATURES as readonly string[];
  if (!sameList(names, expected)) {
    throw new Error(`manifest features [${names.join(", ")}] differ from the API's feature builder [${expected.join(", ")}]`);
  }
  if (!m.edge_features) {
    throw new Error(`manifest has no edge_features (a contract v1 export?); expected [${spec.EDGE_FEATURES.join(", ")}]`);
  }
  const edge = m.edge_features.map((f) => f.name);
  if (!sameList(edge, spec.EDGE_FEATURES)) {
    throw new Error(`manifest edge_features [${edge.join(", ")}] differ from the API's feature builder [${spec.EDGE_FEATURES.join(", ")}]`);
  }
}
